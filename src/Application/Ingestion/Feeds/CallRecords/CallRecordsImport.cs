using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Activities;
using WorkSights.Domain.Ingestion;

namespace WorkSights.Application.Ingestion.Feeds.CallRecords;

/// <summary>Teams calls (Graph call records), a day of call starts at a time, each workspace participant credited with their own time in the call.</summary>
public sealed class CallRecordsImport(ICallRecordReader reader) : IFeedImport
{
    /// <summary>Graph keeps call records for 30 days; a day less leaves room for clock skew at the oldest edge.</summary>
    public static readonly TimeSpan Backfill = TimeSpan.FromDays(29);

    public static readonly TimeSpan ChunkLength = TimeSpan.FromDays(1);

    /// <summary>
    /// Records are filtered by call start but published up to about 30 minutes after the call ends, so a call that started
    /// before the last read may appear only later. Re-reading the longest call that still earns credit (10 h) plus that
    /// delay catches every such call; upserts make the re-read harmless.
    /// </summary>
    public static readonly TimeSpan Lookback = Activity.MaximumCreditedDuration + TimeSpan.FromMinutes(30);

    /// <summary>
    /// A record published before a range was read was stored then, so a re-read only fetches the sessions of records modified
    /// since (minus this allowance for the provider's clock being ahead of ours).
    /// </summary>
    public static readonly TimeSpan ClockSkewAllowance = TimeSpan.FromMinutes(5);

    public IReadOnlyCollection<TenantFeed> Feeds { get; } = [TenantFeed.CallRecords];

    public Task ImportAsync(FeedImportContext context, CancellationToken cancellationToken)
    {
        var earliest = context.Now - Backfill;
        var from = context.Checkpoint.ReadUntil is { } until && until - Lookback > earliest ? until - Lookback : earliest;

        // Each chunk was read no earlier than its end, so whatever was published by the checkpoint was seen then.
        var changedAfter = context.Checkpoint.ReadUntil - ClockSkewAllowance;
        return ChunkedFeedRead.ImportAsync(
            context,
            from,
            ChunkLength,
            (start, end) => reader.ReadCallsAsync(context.Tenant.ExternalTenantId, start, end, changedAfter, cancellationToken),
            calls => [.. calls.SelectMany(call => CallActivities.Of(call, context))],
            cancellationToken);
    }
}
