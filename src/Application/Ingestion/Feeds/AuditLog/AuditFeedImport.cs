using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Activities;
using WorkSights.Domain.Ingestion;

namespace WorkSights.Application.Ingestion.Feeds.AuditLog;

/// <summary>
/// Reads one audit content type: subscribes once, then lists the blobs that became available since the checkpoint in
/// windows of at most a day (the feed keeps seven days), oldest first, and stores each blob's records. Each blob's write
/// moves the checkpoint to the creation time of the earliest blob still unread in the window, and the window's last
/// write to the window's end, so a crash or a throttled request replays at most a few blobs; the upsert by record id
/// keeps a record delivered twice, in two blobs or two runs, as one row.
/// </summary>
/// <remarks>
/// The feed filters the listing by when content became available, not by when its records happened, so a late blob
/// holding old records lands in the window in which it appeared and is never skipped.
/// </remarks>
public sealed class AuditFeedImport(IAuditFeedReader reader) : IFeedImport
{
    /// <summary>How far back the feed lists content.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    /// <summary>Kept between the first window's start and the feed's seven-day limit, so clock drift never crosses it.</summary>
    public static readonly TimeSpan RetentionMargin = TimeSpan.FromMinutes(15);

    /// <summary>The longest window one listing may ask for.</summary>
    public static readonly TimeSpan LongestWindow = TimeSpan.FromHours(24);

    public IReadOnlyCollection<TenantFeed> Feeds { get; } =
        [TenantFeed.AuditSharePoint, TenantFeed.AuditGeneral, TenantFeed.AuditExchange, TenantFeed.AuditAzureActiveDirectory];

    public async Task ImportAsync(FeedImportContext context, CancellationToken cancellationToken)
    {
        var externalTenantId = context.Tenant.ExternalTenantId;
        var contentType = AuditContentTypes.Of(context.Feed);
        var checkpoint = context.Checkpoint;
        if (!checkpoint.IsSubscribed)
        {
            await reader.StartSubscriptionAsync(externalTenantId, contentType, cancellationToken);
            checkpoint.Subscribed();
        }

        // The feed takes times in whole seconds: a window inside one second would be empty once written, and is refused.
        var until = new DateTimeOffset(context.Now.Ticks - (context.Now.Ticks % TimeSpan.TicksPerSecond), context.Now.Offset);
        var start = checkpoint.StartFrom(context.Now - Retention + RetentionMargin);
        while (start < until)
        {
            var end = start + LongestWindow < until ? start + LongestWindow : until;
            var contents = new List<AuditContent>();
            await foreach (var content in reader.ListContentAsync(externalTenantId, contentType, start, end, cancellationToken))
            {
                contents.Add(content);
            }

            if (contents.Count == 0)
            {
                await context.WriteAsync([], stored => checkpoint.Advance(end, stored), cancellationToken);
            }

            for (var i = 0; i < contents.Count; i++)
            {
                var records = await reader.ReadContentAsync(externalTenantId, contents[i], cancellationToken);
                var activities = records.Select(r => AuditRecordMapping.ToActivity(r, context)).OfType<ActivityRecord>().ToList();
                var readUntil = i == contents.Count - 1 ? end : SafePoint(contents.Skip(i + 1), start, end);
                await context.WriteAsync(activities, stored => checkpoint.Advance(readUntil, stored), cancellationToken);
            }

            start = end;
        }
    }

    /// <summary>
    /// Where a re-read may start while <paramref name="unread"/> blobs of the window are still to be stored: the earliest
    /// of their creation times (the listing's start is inclusive), whatever order the feed listed them in.
    /// </summary>
    private static DateTimeOffset SafePoint(IEnumerable<AuditContent> unread, DateTimeOffset start, DateTimeOffset end)
    {
        var earliest = unread.Min(c => c.Created);
        return earliest < start ? start : earliest > end ? end : earliest;
    }
}
