using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Ingestion;

namespace WorkSights.Application.Ingestion.CountActivities;

/// <summary>
/// Keeps <see cref="ServiceActivityCount"/> current for the workspace in scope: one grouped count over the activities'
/// (workspace, kind) index, at most every <see cref="DuringRun"/> while a sync runs and once when it ends.
/// </summary>
public sealed class ServiceActivityCounter(IApplicationDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan DuringRun = TimeSpan.FromSeconds(20);

    /// <summary>Recounts when the last count is older than <see cref="DuringRun"/>; the caller saves.</summary>
    public async Task RecountIfStaleAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var last = await db.ServiceActivityCounts.MaxAsync(c => (DateTimeOffset?)c.CountedAt, cancellationToken);
        if (last is null || clock.GetUtcNow() - last >= DuringRun)
        {
            await RecountAsync(tenantId, cancellationToken);
        }
    }

    /// <summary>Replaces the workspace's counts with a fresh count; the caller saves.</summary>
    public async Task RecountAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var counted = await db.Activities.GroupBy(a => a.Kind)
            .Select(g => new { Kind = g.Key, Count = g.LongCount() })
            .ToDictionaryAsync(g => g.Kind, g => g.Count, cancellationToken);
        var stored = await db.ServiceActivityCounts.ToDictionaryAsync(c => c.Kind, cancellationToken);
        foreach (var (kind, row) in stored)
        {
            row.Recounted(counted.GetValueOrDefault(kind), now);
        }

        foreach (var (kind, count) in counted.Where(c => !stored.ContainsKey(c.Key)))
        {
            db.ServiceActivityCounts.Add(ServiceActivityCount.Of(tenantId, kind, count, now));
        }
    }
}
