using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Ingestion.Arrivals;
using WorkSights.Domain.Activities;

namespace WorkSights.Application.Ingestion.Feeds;

/// <summary>
/// Stores one page of a workspace-wide feed: upserts by (source, external id, person) and moves the feed's checkpoint, all
/// in one transaction. Items already stored are refreshed, so a page read twice (a replay after a crash, a record the
/// provider delivered twice) leaves exactly one row.
/// </summary>
internal sealed class FeedPageWriter(IApplicationDbContext db, TimeProvider clock, ActivityArrivals? arrivals = null)
{
    public int Stored { get; private set; }

    /// <param name="moveCheckpoint">Moves the feed's checkpoint; it is given how many items this page stored.</param>
    public async Task WriteAsync(IReadOnlyCollection<ActivityRecord> records, Action<int> moveCheckpoint, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var upserts = new Dictionary<(ActivitySource, string, Guid), Activity>();
        foreach (var record in records)
        {
            upserts[(record.Source, record.ExternalId, record.PersonId)] = Activity.Record(record, now);
        }

        moveCheckpoint(upserts.Count);
        await db.SaveChangesWithAsync(upserts.Values, cancellationToken);
        if (upserts.Count > 0)
        {
            arrivals?.Announce(upserts.Values.First().TenantId, upserts.Values.Select(a => a.PersonId), now);
        }

        Stored += upserts.Count;
    }
}
