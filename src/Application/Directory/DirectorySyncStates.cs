using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Directory;

namespace WorkSights.Application.Directory;

internal static class DirectorySyncStates
{
    /// <summary>The current workspace's directory sync state, added (unsaved) when it has none yet.</summary>
    public static async Task<DirectorySyncState> LoadOrAddAsync(IApplicationDbContext db, Guid tenantId, CancellationToken cancellationToken)
    {
        var state = await db.DirectorySyncStates.SingleOrDefaultAsync(cancellationToken);
        if (state is null)
        {
            state = DirectorySyncState.For(tenantId);
            db.DirectorySyncStates.Add(state);
        }

        return state;
    }
}
