using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace WorkSights.Infrastructure.IntegrationTests.Support;

/// <summary>A call as the sandbox serves it: who had sessions in it, and whether someone of another organisation took part.</summary>
public sealed record SandboxCall(string Id, IReadOnlySet<string> UsersWithSessions, bool HasOtherTenant, TimeSpan Length, DateTimeOffset Start, DateTimeOffset LastModified);

/// <summary>An independent reader of the sandbox's call records and sign-ins (plain HTTP and JSON, not the adapters under test).</summary>
public sealed class SandboxFeeds(SandboxGraph sandbox)
{
    public async Task<List<SandboxCall>> CallsAsync(string tenantId, DateTimeOffset from, DateTimeOffset to)
    {
        var filter = Uri.EscapeDataString($"startDateTime ge {SandboxMailbox.GraphTime(from)} and startDateTime lt {SandboxMailbox.GraphTime(to)}");
        var calls = new List<SandboxCall>();
        foreach (var summary in await ReadAllAsync(tenantId, $"v1.0/communications/callRecords?$filter={filter}"))
        {
            var id = summary["id"]!.GetValue<string>();
            var record = (await GetAsync(tenantId, $"v1.0/communications/callRecords/{id}?$expand=participants_v2,sessions"))!;
            var sessions = await RestAsync(tenantId, record["sessions"]!.AsArray(), record["sessions@odata.nextLink"]);
            var participants = await RestAsync(tenantId, record["participants_v2"]!.AsArray(), record["participants_v2@odata.nextLink"]);
            var users = sessions
                .SelectMany(s => new[] { s["caller"], s["callee"] })
                .Select(e => e?["associatedIdentity"] is { } a ? (a["tenantId"] is null ? null : a["id"]?.GetValue<string>()) : e?["identity"]?["user"]?["id"]?.GetValue<string>())
                .OfType<string>()
                .ToHashSet(StringComparer.OrdinalIgnoreCase);

            // Someone of another organisation, or a phone (no user at all).
            var identities = participants.Select(p => p["identity"]!).Concat((record["participants"]?.AsArray() ?? []).Select(p => p!)).ToList();
            var otherTenant = identities.Any(i => i["user"] is not { } user || user["tenantId"]!.GetValue<string>() != tenantId);
            var start = Instant(record, "startDateTime");
            calls.Add(new SandboxCall(id, users, otherTenant, Instant(record, "endDateTime") - start, start, Instant(record, "lastModifiedDateTime")));
        }

        return calls;
    }

    /// <summary>An expanded collection with the pages its nextLink leads to.</summary>
    private async Task<List<JsonObject>> RestAsync(string tenantId, JsonArray first, JsonNode? nextLink) =>
        [.. first.Select(v => v!.AsObject()), .. nextLink is null ? [] : await ReadAllAsync(tenantId, nextLink.GetValue<string>())];

    /// <summary>Successful sign-ins created in [from, to): (user id, sign-in id).</summary>
    public async Task<List<(string UserId, string Id)>> SuccessfulSignInsAsync(string tenantId, DateTimeOffset from, DateTimeOffset to)
    {
        var filter = Uri.EscapeDataString($"createdDateTime ge {SandboxMailbox.GraphTime(from)} and createdDateTime lt {SandboxMailbox.GraphTime(to)} and status/errorCode eq 0");
        return [.. (await ReadAllAsync(tenantId, $"v1.0/auditLogs/signIns?$filter={filter}")).Select(s => (s["userId"]!.GetValue<string>(), s["id"]!.GetValue<string>()))];
    }

    private static DateTimeOffset Instant(JsonObject json, string property) =>
        DateTimeOffset.Parse(json[property]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

    private async Task<List<JsonObject>> ReadAllAsync(string tenantId, string url)
    {
        var items = new List<JsonObject>();
        string? next = url;
        while (next is not null)
        {
            var page = (await GetAsync(tenantId, next))!;
            items.AddRange(page["value"]!.AsArray().Select(v => v!.AsObject()));
            next = page["@odata.nextLink"]?.GetValue<string>();
        }

        return items;
    }

    private async Task<JsonObject?> GetAsync(string tenantId, string url)
    {
        var token = await sandbox.Tokens.GetTokenAsync(tenantId, sandbox.Options.GraphScope, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = sandbox.Server.HttpBaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"The sandbox answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
