using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Activities;

namespace WorkSights.Application.Ingestion.Feeds;

/// <summary>
/// Stores one page of a workspace-wide feed: upserts by (source, external id, person) and moves the feed's checkpoint, all
/// in one SaveChanges. Items already stored are refreshed, so a page read twice (a replay after a crash, a record the
/// provider delivered twice) leaves exactly one row.
/// </summary>
internal sealed class FeedPageWriter(IApplicationDbContext db, TimeProvider clock)
{
    public int Stored { get; private set; }

    /// <param name="moveCheckpoint">Moves the feed's checkpoint; it is given how many items this page stored.</param>
    public async Task WriteAsync(IReadOnlyCollection<ActivityRecord> records, Action<int> moveCheckpoint, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var ids = records.Select(r => r.ExternalId).Distinct().ToList();
        var sources = records.Select(r => r.Source).Distinct().ToList();
        var existing = ids.Count == 0
            ? []
            : await db.Activities
                .Where(a => sources.Contains(a.Source) && ids.Contains(a.ExternalId))
                .ToDictionaryAsync(a => (a.Source, a.ExternalId, a.PersonId), cancellationToken);

        var written = new List<Activity>(records.Count);
        foreach (var record in records)
        {
            var key = (record.Source, record.ExternalId, record.PersonId);
            if (existing.TryGetValue(key, out var activity))
            {
                activity.Refresh(record, now);
            }
            else
            {
                activity = Activity.Record(record, now);
                db.Activities.Add(activity);
                existing[key] = activity;
            }

            written.Add(activity);
        }

        var distinct = written.Distinct().ToList();
        moveCheckpoint(distinct.Count);
        await db.SaveChangesAsync(cancellationToken);
        Stored += distinct.Count;

        // A feed can run to many pages in one context: what is saved is let go, so memory does not grow with the tenant.
        foreach (var activity in distinct)
        {
            db.Activities.Entry(activity).State = EntityState.Detached;
        }
    }
}
