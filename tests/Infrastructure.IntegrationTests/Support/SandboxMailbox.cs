using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using WorkSights.Domain.Activities;
using WorkSights.Infrastructure.Graph;

namespace WorkSights.Infrastructure.IntegrationTests.Support;

/// <summary>What the sandbox serves for one mailbox, read with plain HTTP (not the adapter under test).</summary>
public sealed record SandboxMailboxItem(string Id, JsonObject Json);

/// <summary>
/// An independent reader of the sandbox's mail and calendar: plain HTTP and JSON, one large page at a time, so tests can
/// say what the handler should have stored without trusting the adapter that stored it.
/// </summary>
public sealed class SandboxMailbox(SandboxGraph sandbox)
{
    /// <summary>The domains the Contoso directory uses (README: contoso.com, and contoso-labs.com for some engineers).</summary>
    public static readonly IReadOnlySet<string> ContosoDomains = new HashSet<string>(["contoso.com", "contoso-labs.com"], StringComparer.OrdinalIgnoreCase);

    public static string GraphTime(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>Every message of the Sent Items folder sent at or after <paramref name="since"/>, drafts included.</summary>
    public Task<IReadOnlyList<SandboxMailboxItem>> SentMailAsync(string tenantId, string userId, DateTimeOffset since) =>
        ReadAllAsync(
            tenantId,
            $"v1.0/users/{userId}/mailFolders/sentitems/messages/delta?$select={string.Join(',', GraphMailboxReader.MessageProperties)}&$filter={Uri.EscapeDataString($"receivedDateTime ge {GraphTime(since)}")}");

    /// <summary>Every calendar entry of the window as the mailbox sees it, cancelled copies and declined invitations included.</summary>
    public Task<IReadOnlyList<SandboxMailboxItem>> CalendarAsync(string tenantId, string userId, DateTimeOffset from, DateTimeOffset to) =>
        ReadAllAsync(
            tenantId,
            $"v1.0/users/{userId}/calendarView/delta?startDateTime={Uri.EscapeDataString(GraphTime(from))}&endDateTime={Uri.EscapeDataString(GraphTime(to))}");

    private async Task<IReadOnlyList<SandboxMailboxItem>> ReadAllAsync(string tenantId, string firstUrl)
    {
        var token = await sandbox.Tokens.GetTokenAsync(tenantId, sandbox.Options.GraphScope, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = sandbox.Server.HttpBaseAddress };
        var items = new List<SandboxMailboxItem>();
        string? url = firstUrl;
        while (url is not null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.TryAddWithoutValidation("Prefer", "odata.maxpagesize=1000");
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"The sandbox answered {(int)response.StatusCode}: {text}");
            var page = JsonNode.Parse(text)!.AsObject();
            foreach (var item in page["value"]!.AsArray().Select(v => v!.AsObject()))
            {
                Assert.False(item.ContainsKey("@removed"), "A first read never reports removals.");
                items.Add(new SandboxMailboxItem(item["id"]!.GetValue<string>(), item));
            }

            url = page["@odata.nextLink"]?.GetValue<string>();
        }

        return items;
    }
}

/// <summary>An activity as the rules of PRODUCT.md ("The Score") say it should be stored, or as it was stored.</summary>
public sealed record ActivityRow(
    string PersonExternalId,
    ActivitySource Source,
    string ExternalId,
    ActivityKind Kind,
    DateTimeOffset OccurredAt,
    TimeSpan CreditedDuration,
    bool IsScored,
    string? Title,
    int CounterpartCount,
    bool IsExternal);

/// <summary>PRODUCT.md's crediting rules written out once more, independently of the code under test, over raw Graph JSON.</summary>
public static class ExpectedActivities
{
    private static readonly TimeSpan MaximumScored = TimeSpan.FromHours(10);

    /// <summary>Sent mail: 5 minutes, scored; drafts are no activity; external when any recipient is outside the workspace.</summary>
    public static ActivityRow? FromMail(string personExternalId, SandboxMailboxItem item, IReadOnlySet<string> workspaceDomains)
    {
        var json = item.Json;
        if (json["isDraft"]?.GetValue<bool>() == true)
        {
            return null;
        }

        var recipients = new[] { "toRecipients", "ccRecipients", "bccRecipients" }
            .SelectMany(field => json[field]?.AsArray() ?? [])
            .Select(r => r!["emailAddress"]!["address"]!.GetValue<string>())
            .ToList();
        return new ActivityRow(
            personExternalId,
            ActivitySource.Outlook,
            item.Id,
            ActivityKind.EmailSent,
            DateTimeOffset.Parse(json["sentDateTime"]!.GetValue<string>(), CultureInfo.InvariantCulture).ToUniversalTime(),
            TimeSpan.FromMinutes(5),
            true,
            json["subject"]?.GetValue<string>(),
            recipients.Count,
            recipients.Any(a => !workspaceDomains.Contains(DomainOf(a))));
    }

    /// <summary>
    /// A calendar entry: cancelled copies and declined invitations are no activity; a meeting when another participant
    /// who did not decline and is not a room takes part (credited start to end), else a calendar block (not scored);
    /// anything over 10 hours is not scored.
    /// </summary>
    public static ActivityRow? FromEvent(string personExternalId, string ownAddress, SandboxMailboxItem item, IReadOnlySet<string> workspaceDomains)
    {
        var json = item.Json;
        if (IsCancelled(item) || IsDeclined(item))
        {
            return null;
        }

        var others = (json["attendees"]?.AsArray() ?? [])
            .Select(a => a!.AsObject())
            .Where(a => a["type"]!.GetValue<string>() != "resource" && a["status"]?["response"]?.GetValue<string>() != "declined")
            .Select(a => a["emailAddress"]!["address"]!.GetValue<string>())
            .Append(json["organizer"]?["emailAddress"]?["address"]?.GetValue<string>() ?? string.Empty)
            .Where(a => a.Length > 0 && !string.Equals(a, ownAddress, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var start = UtcOf(json["start"]!);
        var length = UtcOf(json["end"]!) - start;
        var meeting = others.Count > 0;
        return new ActivityRow(
            personExternalId,
            ActivitySource.OutlookCalendar,
            item.Id,
            meeting ? ActivityKind.Meeting : ActivityKind.CalendarBlock,
            start,
            length > MaximumScored ? TimeSpan.Zero : length,
            meeting && length <= MaximumScored,
            json["subject"]?.GetValue<string>(),
            others.Count,
            others.Any(a => !workspaceDomains.Contains(DomainOf(a))));
    }

    public static bool IsCancelled(SandboxMailboxItem item) => item.Json["isCancelled"]?.GetValue<bool>() == true;

    public static bool IsDeclined(SandboxMailboxItem item) => item.Json["responseStatus"]?["response"]?.GetValue<string>() == "declined";

    public static TimeSpan LengthOf(SandboxMailboxItem item) => UtcOf(item.Json["end"]!) - UtcOf(item.Json["start"]!);

    private static DateTimeOffset UtcOf(JsonNode time)
    {
        Assert.Equal("UTC", time["timeZone"]!.GetValue<string>());
        var local = DateTime.Parse(time["dateTime"]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.None);
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeSpan.Zero);
    }

    private static string DomainOf(string address) => address[(address.LastIndexOf('@') + 1)..].ToLowerInvariant();
}
