using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Ingestion;

namespace WorkSights.Infrastructure.Graph;

/// <summary>
/// Reads sent mail (Sent Items message delta) and calendar entries (calendarView delta) through Graph, metadata only:
/// mail asks for named properties with <c>$select</c>; calendar delta takes no <c>$select</c>, and the
/// Calendars.ReadBasic.All permission keeps bodies out of its answers.
/// </summary>
public sealed class GraphMailboxReader(GraphClientFactory graphClients) : IMailboxReader
{
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
            yield return new SourcePage<SentMail>(
                messages.Where(m => m.Removed is null).Select(ToSentMail).ToList(),
                messages.Where(m => m.Removed is not null).Select(m => m.Id!).ToList(),
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
            yield return new SourcePage<CalendarEntry>(
                events.Where(e => e.Removed is null).Select(ToCalendarEntry).ToList(),
                events.Where(e => e.Removed is not null).Select(e => e.Id!).ToList(),
                page.NextLink,
                page.NextLink is null ? page.DeltaLink ?? throw MissingDeltaLink() : null);
            request = page.NextLink is { } next ? NextCalendarPage(delta, next) : null;
        }
    }

    private RequestInformation NextMailPage(Microsoft.Graph.Users.Item.MailFolders.Item.Messages.Delta.DeltaRequestBuilder delta, string link) =>
        delta.WithUrl(link).ToGetRequestInformation(r => r.Headers.Add("Prefer", pageSizePreference));

    private RequestInformation NextCalendarPage(Microsoft.Graph.Users.Item.CalendarView.Delta.DeltaRequestBuilder delta, string link) =>
        delta.WithUrl(link).ToGetRequestInformation(r => r.Headers.Add("Prefer", [pageSizePreference, UtcPreference]));

    private static SentMail ToSentMail(GraphMessage message) => new(
        message.Id!,
        message.SentDateTime ?? message.CreatedDateTime ?? DateTimeOffset.MinValue,
        message.Subject,
        (message.ToRecipients ?? []).Concat(message.CcRecipients ?? []).Concat(message.BccRecipients ?? [])
            .Select(r => r.EmailAddress?.Address).OfType<string>().ToList(),
        message.IsDraft ?? false);

    private static CalendarEntry ToCalendarEntry(GraphEvent item) => new(
        item.Id!,
        item.Subject,
        ToUtc(item.Start),
        ToUtc(item.End),
        item.IsAllDay ?? false,
        item.IsCancelled ?? false,
        item.Organizer?.EmailAddress?.Address,
        (item.Attendees ?? [])
            .Where(a => a.EmailAddress?.Address is not null)
            .Select(a => new EventAttendee(a.EmailAddress!.Address!, a.Type ?? "required", a.Status?.Response ?? "none"))
            .ToList(),
        item.ResponseStatus?.Response ?? (item.IsOrganizer == true ? "organizer" : "none"));

    /// <summary>Graph's dateTimeTimeZone; WorkSights asks for UTC, and converts any other zone it is given.</summary>
    private static DateTimeOffset ToUtc(GraphDateTimeZone? value)
    {
        if (value?.DateTime is null || !DateTime.TryParse(value.DateTime, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return DateTimeOffset.MinValue;
        }

        var zone = value.TimeZone is null or "UTC" or "Etc/UTC" ? TimeZoneInfo.Utc
            : TimeZoneInfo.TryFindSystemTimeZoneById(value.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static Application.Common.Exceptions.ProviderUnavailableException MissingDeltaLink() =>
        new("Microsoft Graph ended a round without a delta link.");
}
