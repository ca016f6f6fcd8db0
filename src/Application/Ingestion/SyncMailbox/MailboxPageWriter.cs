using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Ingestion.Arrivals;
using WorkSights.Domain.Activities;
using WorkSights.Domain.Ingestion;

namespace WorkSights.Application.Ingestion.SyncMailbox;

/// <summary>
/// Stores one page: upserts by (tenant, source, external id, person), removes what the source removed, and moves the
/// checkpoint — all saved together, so a crash leaves either the whole page or none of it.
/// </summary>
internal sealed class MailboxPageWriter(IApplicationDbContext db, SyncCheckpoint checkpoint, MailboxOwner owner, ActivitySource source, TimeProvider clock, ActivityArrivals? arrivals)
{
    public int Stored { get; private set; }

    public int Removed { get; private set; }

    public async Task WriteAsync<T>(SourcePage<T> page, Func<T, string> idOf, Func<T, ActivityRecord?> toRecord, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var upserts = new Dictionary<string, Activity>(StringComparer.Ordinal);
        var gone = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in page.Items)
        {
            var id = idOf(item);
            if (toRecord(item) is { } record)
            {
                upserts[id] = Activity.Record(record, now);
                gone.Remove(id);
            }
            else
            {
                upserts.Remove(id);
                gone.Add(id);
            }
        }

        foreach (var removedId in page.RemovedIds)
        {
            upserts.Remove(removedId);
            gone.Add(removedId);
        }

        var removed = gone.Count == 0 ? 0 : await RemoveAsync(gone, cancellationToken);
        if (page.NextLink is { } next)
        {
            checkpoint.PageStored(next, upserts.Count);
        }
        else if (page.DeltaLink is { } delta)
        {
            removed += await RemoveWhatAFullReadDidNotSeeAsync(upserts, cancellationToken);
            checkpoint.RoundCompleted(delta, upserts.Count, now);
        }

        await db.SaveChangesWithAsync(upserts.Values, cancellationToken);
        arrivals?.Announce(owner.TenantId, upserts.Values.Select(a => a.PersonId), now);
        Stored += upserts.Count;
        Removed += removed;
    }

    private async Task<int> RemoveAsync(IReadOnlyCollection<string> externalIds, CancellationToken cancellationToken)
    {
        var rows = await db.Activities
            .Where(a => a.PersonId == owner.PersonId && a.Source == source && externalIds.Contains(a.ExternalId))
            .ToListAsync(cancellationToken);
        db.Activities.RemoveRange(rows);
        return rows.Count;
    }

    private async Task<int> RemoveWhatAFullReadDidNotSeeAsync(Dictionary<string, Activity> thisPage, CancellationToken cancellationToken)
    {
        if (!checkpoint.IsFullRead || checkpoint.FullReadStartedAt is not { } startedAt || checkpoint.RangeStart is not { } rangeStart)
        {
            return 0;
        }

        var rangeEnd = checkpoint.RangeEnd ?? DateTimeOffset.MaxValue;
        var notSeen = await db.Activities
            .Where(a => a.PersonId == owner.PersonId && a.Source == source && a.SyncedAt < startedAt)
            .Where(a => a.OccurredAt >= rangeStart && a.OccurredAt < rangeEnd)
            .ToListAsync(cancellationToken);

        // Items of this very page are stored with this save: they were seen, whatever their row says until then.
        var gone = notSeen.Where(a => !thisPage.ContainsKey(a.ExternalId) && db.Activities.Entry(a).State != EntityState.Deleted).ToList();
        db.Activities.RemoveRange(gone);
        return gone.Count;
    }
}
