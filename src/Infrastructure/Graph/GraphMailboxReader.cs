using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Graph;
using Microsoft.Graph.Models;
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
    private const string PageSizePreference = "odata.maxpagesize=100";
    private const string UtcPreference = "outlook.timezone=\"UTC\"";

    /// <summary>The message properties WorkSights reads: who, when, how many, and the subject. Never body, bodyPreview, uniqueBody or attachments.</summary>
    public static readonly string[] MessageProperties =
        ["id", "subject", "sentDateTime", "toRecipients", "ccRecipients", "bccRecipients", "isDraft", "conversationId", "internetMessageId"];

    public async IAsyncEnumerable<SourcePage<SentMail>> ReadSentMailAsync(
        string externalTenantId, string mailbox, string? resumeLink, DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var delta = graphClients.ForTenant(externalTenantId).Users[mailbox].MailFolders["sentitems"].Messages.Delta;
        var page = resumeLink is null
            ? await GraphCalls.CallAsync(() => delta.GetAsDeltaGetResponseAsync(
                request =>
                {
                    request.QueryParameters.Select = MessageProperties;
                    request.QueryParameters.Filter = $"receivedDateTime ge {since.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}";
                    request.Headers.Add("Prefer", PageSizePreference);
                },
                cancellationToken))
            : await NextMailPageAsync(delta, resumeLink, cancellationToken);

        while (page is not null)
        {
            var messages = page.Value ?? [];
            yield return new SourcePage<SentMail>(
                messages.Where(m => !IsRemoved(m)).Select(ToSentMail).ToList(),
                messages.Where(IsRemoved).Select(m => m.Id!).ToList(),
                page.OdataNextLink,
                page.OdataNextLink is null ? page.OdataDeltaLink ?? throw MissingDeltaLink() : null);
            page = page.OdataNextLink is { } next ? await NextMailPageAsync(delta, next, cancellationToken) : null;
        }
    }

    public async IAsyncEnumerable<SourcePage<CalendarEntry>> ReadCalendarAsync(
        string externalTenantId, string mailbox, string? resumeLink, DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var delta = graphClients.ForTenant(externalTenantId).Users[mailbox].CalendarView.Delta;
        var page = resumeLink is null
            ? await GraphCalls.CallAsync(() => delta.GetAsDeltaGetResponseAsync(
                request =>
                {
                    request.QueryParameters.StartDateTime = from.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
                    request.QueryParameters.EndDateTime = to.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
                    request.Headers.Add("Prefer", [PageSizePreference, UtcPreference]);
                },
                cancellationToken))
            : await NextCalendarPageAsync(delta, resumeLink, cancellationToken);

        while (page is not null)
        {
            var events = page.Value ?? [];
            yield return new SourcePage<CalendarEntry>(
                events.Where(e => !IsRemoved(e)).Select(ToCalendarEntry).ToList(),
                events.Where(IsRemoved).Select(e => e.Id!).ToList(),
                page.OdataNextLink,
                page.OdataNextLink is null ? page.OdataDeltaLink ?? throw MissingDeltaLink() : null);
            page = page.OdataNextLink is { } next ? await NextCalendarPageAsync(delta, next, cancellationToken) : null;
        }
    }

    private static Task<Microsoft.Graph.Users.Item.MailFolders.Item.Messages.Delta.DeltaGetResponse?> NextMailPageAsync(
        Microsoft.Graph.Users.Item.MailFolders.Item.Messages.Delta.DeltaRequestBuilder delta, string link, CancellationToken cancellationToken) =>
        GraphCalls.CallAsync(() => delta.WithUrl(link).GetAsDeltaGetResponseAsync(r => r.Headers.Add("Prefer", PageSizePreference), cancellationToken));

    private static Task<Microsoft.Graph.Users.Item.CalendarView.Delta.DeltaGetResponse?> NextCalendarPageAsync(
        Microsoft.Graph.Users.Item.CalendarView.Delta.DeltaRequestBuilder delta, string link, CancellationToken cancellationToken) =>
        GraphCalls.CallAsync(() => delta.WithUrl(link).GetAsDeltaGetResponseAsync(r => r.Headers.Add("Prefer", [PageSizePreference, UtcPreference]), cancellationToken));

    private static bool IsRemoved(Entity item) => item.AdditionalData?.ContainsKey("@removed") == true;

    private static SentMail ToSentMail(Message message) => new(
        message.Id!,
        message.SentDateTime ?? message.CreatedDateTime ?? DateTimeOffset.MinValue,
        message.Subject,
        (message.ToRecipients ?? []).Concat(message.CcRecipients ?? []).Concat(message.BccRecipients ?? [])
            .Select(r => r.EmailAddress?.Address).OfType<string>().ToList(),
        message.IsDraft ?? false);

    private static CalendarEntry ToCalendarEntry(Event item) => new(
        item.Id!,
        item.Subject,
        ToUtc(item.Start),
        ToUtc(item.End),
        item.IsAllDay ?? false,
        item.IsCancelled ?? false,
        item.Organizer?.EmailAddress?.Address,
        (item.Attendees ?? [])
            .Where(a => a.EmailAddress?.Address is not null)
            .Select(a => new EventAttendee(a.EmailAddress!.Address!, Camel(a.Type?.ToString() ?? "required"), Camel(a.Status?.Response?.ToString() ?? "none")))
            .ToList(),
        Camel(item.ResponseStatus?.Response?.ToString() ?? (item.IsOrganizer == true ? "organizer" : "none")));

    /// <summary>Graph's dateTimeTimeZone; WorkSights asks for UTC, and converts any other zone it is given.</summary>
    private static DateTimeOffset ToUtc(DateTimeTimeZone? value)
    {
        if (value?.DateTime is null || !DateTime.TryParse(value.DateTime, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return DateTimeOffset.MinValue;
        }

        var zone = value.TimeZone is null or "UTC" or "Etc/UTC" ? TimeZoneInfo.Utc
            : TimeZoneInfo.TryFindSystemTimeZoneById(value.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static string Camel(string value) => value.Length == 0 ? value : char.ToLowerInvariant(value[0]) + value[1..];

    private static Application.Common.Exceptions.ProviderUnavailableException MissingDeltaLink() =>
        new("Microsoft Graph ended a round without a delta link.");
}
