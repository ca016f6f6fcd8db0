using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Activities;
using WorkSights.Domain.Ingestion;

namespace WorkSights.Application.Ingestion.SyncMailbox;

/// <summary>
/// Stores one page: upserts by (tenant, source, external id, person), removes what the source removed, and moves the
/// checkpoint — all saved together, so a crash leaves either the whole page or none of it.
/// </summary>
internal sealed class MailboxPageWriter(IApplicationDbContext db, SyncCheckpoint checkpoint, MailboxOwner owner, ActivitySource source, TimeProvider clock)
{
    private readonly HashSet<Guid> removed = [];

    public int Stored { get; private set; }

    public int Removed { get; private set; }

    public async Task WriteAsync<T>(SourcePage<T> page, Func<T, string> idOf, Func<T, ActivityRecord?> toRecord, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var ids = page.Items.Select(idOf).Concat(page.RemovedIds).Distinct().ToList();
        var existing = await db.Activities
            .Where(a => a.PersonId == owner.PersonId && a.Source == source && ids.Contains(a.ExternalId))
            .ToDictionaryAsync(a => a.ExternalId, cancellationToken);

        var stored = 0;
        foreach (var item in page.Items)
        {
            var record = toRecord(item);
            existing.TryGetValue(idOf(item), out var activity);
            if (record is null)
            {
                RemoveIfPresent(activity);
            }
            else if (activity is null)
            {
                var added = Activity.Record(record, now);
                db.Activities.Add(added);
                existing[added.ExternalId] = added;
                stored++;
            }
            else
            {
                activity.Refresh(record, now);
                stored++;
            }
        }

        foreach (var removedId in page.RemovedIds)
        {
            RemoveIfPresent(existing.GetValueOrDefault(removedId));
        }

        if (page.NextLink is { } next)
        {
            checkpoint.PageStored(next, stored);
        }
        else if (page.DeltaLink is { } delta)
        {
            await RemoveWhatAFullReadDidNotSeeAsync(cancellationToken);
            checkpoint.RoundCompleted(delta, stored, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        Stored += stored;

        // A mailbox can run to many pages in one context: saved rows are let go, or every later save would scan them all.
        foreach (var activity in existing.Values)
        {
            db.Activities.Entry(activity).State = EntityState.Detached;
        }
    }

    private void RemoveIfPresent(Activity? activity)
    {
        if (activity is not null && removed.Add(activity.Id))
        {
            db.Activities.Remove(activity);
            Removed++;
        }
    }

    private async Task RemoveWhatAFullReadDidNotSeeAsync(CancellationToken cancellationToken)
    {
        if (!checkpoint.IsFullRead || checkpoint.FullReadStartedAt is not { } startedAt || checkpoint.RangeStart is not { } rangeStart)
        {
            return;
        }

        var rangeEnd = checkpoint.RangeEnd ?? DateTimeOffset.MaxValue;
        var gone = await db.Activities
            .Where(a => a.PersonId == owner.PersonId && a.Source == source && a.SyncedAt < startedAt)
            .Where(a => a.OccurredAt >= rangeStart && a.OccurredAt < rangeEnd)
            .ToListAsync(cancellationToken);

        // The query filtered on stored values; items of this very page were refreshed in memory but are not saved yet.
        foreach (var activity in gone.Where(a => a.SyncedAt < startedAt))
        {
            RemoveIfPresent(activity);
        }
    }
}
