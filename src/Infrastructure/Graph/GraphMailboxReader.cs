using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Ingestion;

namespace WorkSights.Infrastructure.Graph;

/// <summary>
/// Reads sent mail (Sent Items message delta) and calendar entries (calendarView delta) through Graph, metadata only:
/// mail asks for named properties with <c>$select</c>; calendar delta takes no <c>$select</c>, and the
/// Calendars.ReadBasic.All permission keeps bodies out of its answers. An item without an id, a message without a time or an
/// event without a start and an end is skipped and logged, never stored.
/// </summary>
public sealed partial class GraphMailboxReader(GraphClientFactory graphClients, ILogger<GraphMailboxReader>? logger = null) : IMailboxReader
{
    private readonly ILogger log = logger ?? NullLogger<GraphMailboxReader>.Instance;

    private readonly string pageSizePreference = $"odata.maxpagesize={graphClients.MailboxPageSize.ToString(CultureInfo.InvariantCulture)}";
    private const string UtcPreference = "outlook.timezone=\"UTC\"";

    /// <summary>The message properties WorkSights reads: who, when, how many, and the subject. Never body, bodyPreview, uniqueBody or attachments.</summary>
    public static readonly string[] MessageProperties =
        ["id", "subject", "sentDateTime", "toRecipients", "ccRecipients", "bccRecipients", "isDraft", "conversationId", "internetMessageId"];

    public async IAsyncEnumerable<SourcePage<SentMail>> ReadSentMailAsync(
        string externalTenantId, string mailbox, string? resumeLink, DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var client = graphClients.ForTenant(externalTenantId);
        var delta = client.Users[mailbox].MailFolders["sentitems"].Messages.Delta;
        var request = resumeLink is null
            ? delta.ToGetRequestInformation(request =>
            {
                request.QueryParameters.Select = MessageProperties;
                request.QueryParameters.Filter = $"receivedDateTime ge {since.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}";
                request.Headers.Add("Prefer", pageSizePreference);
            })
            : NextMailPage(delta, resumeLink);

        while (request is not null)
        {
            var page = await GraphPages.ReadAsync(client.RequestAdapter, request, GraphMailboxJson.Default.GraphPageGraphMessage, graphClients.Clock, cancellationToken);
            if (page is null)
            {
                yield break;
            }

            var messages = page.Value ?? [];
            var sent = messages.Where(m => m.Removed is null).Select(ToSentMail).OfType<SentMail>().ToList();
            var removed = messages.Where(m => m.Removed is not null && !string.IsNullOrWhiteSpace(m.Id)).Select(m => m.Id!).ToList();
            if (sent.Count + removed.Count < messages.Count)
            {
                LogIncompleteItems(log, messages.Count - sent.Count - removed.Count, "messages", mailbox);
            }

            yield return new SourcePage<SentMail>(
                sent,
                removed,
                page.NextLink,
                page.NextLink is null ? page.DeltaLink ?? throw MissingDeltaLink() : null);
            request = page.NextLink is { } next ? NextMailPage(delta, next) : null;
        }
    }

    public async IAsyncEnumerable<SourcePage<CalendarEntry>> ReadCalendarAsync(
        string externalTenantId, string mailbox, string? resumeLink, DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var client = graphClients.ForTenant(externalTenantId);
        var delta = client.Users[mailbox].CalendarView.Delta;
        var request = resumeLink is null
            ? delta.ToGetRequestInformation(request =>
            {
                request.QueryParameters.StartDateTime = from.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
                request.QueryParameters.EndDateTime = to.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
                request.Headers.Add("Prefer", [pageSizePreference, UtcPreference]);
            })
            : NextCalendarPage(delta, resumeLink);

        while (request is not null)
        {
            var page = await GraphPages.ReadAsync(client.RequestAdapter, request, GraphMailboxJson.Default.GraphPageGraphEvent, graphClients.Clock, cancellationToken);
            if (page is null)
            {
                yield break;
            }

            var events = page.Value ?? [];
            var entries = events.Where(e => e.Removed is null).Select(ToCalendarEntry).OfType<CalendarEntry>().ToList();
            var removed = events.Where(e => e.Removed is not null && !string.IsNullOrWhiteSpace(e.Id)).Select(e => e.Id!).ToList();
            if (entries.Count + removed.Count < events.Count)
            {
                LogIncompleteItems(log, events.Count - entries.Count - removed.Count, "events", mailbox);
            }

            yield return new SourcePage<CalendarEntry>(
                entries,
                removed,
                page.NextLink,
                page.NextLink is null ? page.DeltaLink ?? throw MissingDeltaLink() : null);
            request = page.NextLink is { } next ? NextCalendarPage(delta, next) : null;
        }
    }

    private RequestInformation NextMailPage(Microsoft.Graph.Users.Item.MailFolders.Item.Messages.Delta.DeltaRequestBuilder delta, string link) =>
        delta.WithUrl(link).ToGetRequestInformation(r => r.Headers.Add("Prefer", pageSizePreference));

    private RequestInformation NextCalendarPage(Microsoft.Graph.Users.Item.CalendarView.Delta.DeltaRequestBuilder delta, string link) =>
        delta.WithUrl(link).ToGetRequestInformation(r => r.Headers.Add("Prefer", [pageSizePreference, UtcPreference]));

    /// <summary>The message, or null without an id or a time (sent, else created).</summary>
    internal static SentMail? ToSentMail(GraphMessage message) =>
        string.IsNullOrWhiteSpace(message.Id) || (message.SentDateTime ?? message.CreatedDateTime) is not { } at
            ? null
            : new(
                message.Id,
                at,
                message.Subject,
                (message.ToRecipients ?? []).Concat(message.CcRecipients ?? []).Concat(message.BccRecipients ?? [])
                    .Select(r => r.EmailAddress?.Address).OfType<string>().ToList(),
                message.IsDraft ?? false);

    /// <summary>The event, or null without an id, a start or an end.</summary>
    internal static CalendarEntry? ToCalendarEntry(GraphEvent item) =>
        string.IsNullOrWhiteSpace(item.Id) || ToUtc(item.Start) is not { } start || ToUtc(item.End) is not { } end
            ? null
            : ToCalendarEntry(item, item.Id, start, end);

    private static CalendarEntry ToCalendarEntry(GraphEvent item, string id, DateTimeOffset start, DateTimeOffset end) => new(
        id,
        item.Subject,
        start,
        end,
        item.IsAllDay ?? false,
        item.IsCancelled ?? false,
        item.Organizer?.EmailAddress?.Address,
        (item.Attendees ?? [])
            .Where(a => a.EmailAddress?.Address is not null)
            .Select(a => new EventAttendee(a.EmailAddress!.Address!, a.Type ?? "required", a.Status?.Response ?? "none"))
            .ToList(),
        item.ResponseStatus?.Response ?? (item.IsOrganizer == true ? "organizer" : "none"));

    /// <summary>Graph's dateTimeTimeZone; WorkSights asks for UTC, and converts any other zone it is given. Null when missing or unreadable.</summary>
    private static DateTimeOffset? ToUtc(GraphDateTimeZone? value)
    {
        if (value?.DateTime is null || !DateTime.TryParse(value.DateTime, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        var zone = value.TimeZone is null or "UTC" or "Etc/UTC" ? TimeZoneInfo.Utc
            : TimeZoneInfo.TryFindSystemTimeZoneById(value.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static Application.Common.Exceptions.ProviderUnavailableException MissingDeltaLink() =>
        new("Microsoft Graph ended a round without a delta link.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped {Count} {Kind} of mailbox {Mailbox} without an id or without their times")]
    private static partial void LogIncompleteItems(ILogger logger, int count, string kind, string mailbox);
}
