using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Observers;

namespace WorkSights.Application.Observers;

public static class WorkspaceThresholds
{
    /// <summary>The current workspace's thresholds, or the defaults when an Owner never changed them.</summary>
    public static async Task<ObserverThresholds> ReadAsync(IApplicationDbContext db, CancellationToken cancellationToken)
    {
        var settings = await db.ObserverSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return settings?.Thresholds ?? ObserverThresholds.Default;
    }
}
