using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace WorkSights.Sandbox.Tests;

/// <summary>The Office 365 Management Activity API emulation (PROTOCOLS.md D), each test on its own sandbox and fake clock.</summary>
public sealed class ManagementActivityApiTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2025, 3, 12, 12, 0, 0, TimeSpan.Zero);
    private static readonly string Fabrikam = SandboxTenants.Fabrikam.TenantId;

    private readonly FakeTimeProvider clock = new(Start);
    private readonly SandboxClientApp app = SandboxTestBase.NewApp("WorkSights Audit Test");
    private SandboxServer server = null!;

    public async Task InitializeAsync() => server = await StartServerAsync(clock, app);

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Feed_requests_need_an_app_token_for_the_management_resource_with_ActivityFeed_Read()
    {
        using var client = Client(server);
        using var anonymous = await client.GetAsync(Feed(Fabrikam, "subscriptions/list"));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Authorization has been denied for this request.", (await Json(anonymous)).GetProperty("Message").GetString());

        var graphToken = await TokenAsync(server, app, Fabrikam, "https://graph.microsoft.com/.default");
        using var withGraphToken = await SendAsync(client, HttpMethod.Get, Feed(Fabrikam, "subscriptions/list"), graphToken);
        Assert.Equal(HttpStatusCode.Unauthorized, withGraphToken.StatusCode);

        var token = await TokenAsync(server, app, Fabrikam);
        using var otherTenant = await SendAsync(client, HttpMethod.Get, Feed(SandboxTenants.Contoso.TenantId, "subscriptions/list"), token);
        await AssertErrorAsync(otherTenant, HttpStatusCode.Unauthorized, "AF20010");
        using var notGuid = await SendAsync(client, HttpMethod.Get, Feed("fabrikam.com", "subscriptions/list"), token);
        await AssertErrorAsync(notGuid, HttpStatusCode.BadRequest, "AF20013");

        server.Directory.RevokeConsent(Fabrikam, app.ClientId);
        var withoutRoles = await TokenAsync(server, app, Fabrikam, grant: false);
        using var denied = await SendAsync(client, HttpMethod.Get, Feed(Fabrikam, "subscriptions/list"), withoutRoles);
        await AssertErrorAsync(denied, HttpStatusCode.Forbidden, "AF10001");
    }

    [Fact]
    public async Task Subscriptions_start_once_and_listing_needs_an_enabled_one()
    {
        using var client = Client(server);
        var token = await TokenAsync(server, app, Fabrikam);
        using var unsubscribed = await SendAsync(client, HttpMethod.Get, Content(Fabrikam, "Audit.SharePoint"), token);
        await AssertErrorAsync(unsubscribed, HttpStatusCode.BadRequest, "AF20022");

        using var started = await SendAsync(client, HttpMethod.Post, Feed(Fabrikam, "subscriptions/start?contentType=Audit.SharePoint"), token);
        var subscription = await Json(started);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Equal("Audit.SharePoint", subscription.GetProperty("contentType").GetString());
        Assert.Equal("enabled", subscription.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, subscription.GetProperty("webhook").ValueKind);

        using var again = await SendAsync(client, HttpMethod.Post, Feed(Fabrikam, "subscriptions/start?contentType=Audit.SharePoint"), token);
        await AssertErrorAsync(again, HttpStatusCode.BadRequest, "AF20024");

        using var list = await SendAsync(client, HttpMethod.Get, Feed(Fabrikam, "subscriptions/list"), token);
        var only = Assert.Single((await Json(list)).EnumerateArray());
        Assert.Equal("enabled", only.GetProperty("status").GetString());

        using var listed = await SendAsync(client, HttpMethod.Get, Content(Fabrikam, "Audit.SharePoint"), token);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);

        using var stopped = await SendAsync(client, HttpMethod.Post, Feed(Fabrikam, "subscriptions/stop?contentType=Audit.SharePoint"), token);
        Assert.Equal(HttpStatusCode.NoContent, stopped.StatusCode);
        using var afterStop = await SendAsync(client, HttpMethod.Get, Content(Fabrikam, "Audit.SharePoint"), token);
        await AssertErrorAsync(afterStop, HttpStatusCode.BadRequest, "AF20023");
    }

    [Theory]
    [InlineData("contentType=Audit.SharePoint&startTime={start}", "AF20030")]
    [InlineData("contentType=Audit.SharePoint&endTime={end}", "AF20030")]
    [InlineData("contentType=Audit.SharePoint&startTime={start}&endTime={tooLate}", "AF20030")]
    [InlineData("contentType=Audit.SharePoint&startTime={end}&endTime={start}", "AF20030")]
    [InlineData("contentType=Audit.SharePoint&startTime={old}&endTime={oldEnd}", "AF20030")]
    [InlineData("contentType=Audit.SharePoint&startTime=yesterday&endTime={end}", "AF20002")]
    [InlineData("contentType=Audit.Teams", "AF20020")]
    [InlineData("startTime={start}&endTime={end}", "AF20001")]
    [InlineData("contentType=Audit.SharePoint&nextPage=forged.value", "AF20031")]
    public async Task Content_listing_follows_the_documented_validation(string query, string code)
    {
        using var client = Client(server);
        var token = await TokenAsync(server, app, Fabrikam);
        (await SendAsync(client, HttpMethod.Post, Feed(Fabrikam, "subscriptions/start?contentType=Audit.SharePoint"), token)).Dispose();
        clock.Advance(TimeSpan.FromDays(8));
        token = await TokenAsync(server, app, Fabrikam);
        var now = clock.GetUtcNow();
        var filled = query
            .Replace("{start}", Iso(now.AddHours(-30)), StringComparison.Ordinal)
            .Replace("{end}", Iso(now.AddHours(-6)), StringComparison.Ordinal)
            .Replace("{tooLate}", Iso(now.AddHours(-6).AddMinutes(1)), StringComparison.Ordinal)
            .Replace("{old}", Iso(now.AddDays(-7).AddMinutes(-1)), StringComparison.Ordinal)
            .Replace("{oldEnd}", Iso(now.AddDays(-6.5)), StringComparison.Ordinal);

        using var response = await SendAsync(client, HttpMethod.Get, Feed(Fabrikam, "subscriptions/content?" + filled), token);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task Content_is_listed_by_creation_time_in_pages_linked_by_NextPageUri_and_blobs_hold_schema_records()
    {
        var token = await SubscribeAllAsync(server, app, Fabrikam);
        clock.Advance(TimeSpan.FromDays(3));
        token = await TokenAsync(server, app, Fabrikam);
        var now = clock.GetUtcNow();
        var (from, to) = (now.AddHours(-24), now);

        var pages = await ListAllAsync(server, token, Fabrikam, "Audit.SharePoint", from, to);

        Assert.True(pages.Count > 1, "The listing should need more than one page.");
        var blobs = pages.SelectMany(p => p).ToList();
        var created = blobs.Select(b => DateTimeOffset.Parse(b.GetProperty("contentCreated").GetString()!, CultureInfo.InvariantCulture)).ToList();
        Assert.All(created, c => Assert.InRange(c, from, to.AddTicks(-1)));
        Assert.Equal(created.Order(), created);
        Assert.Equal(blobs.Count, blobs.Select(b => b.GetProperty("contentId").GetString()).Distinct().Count());

        var records = new List<(JsonElement Record, DateTimeOffset BlobCreated)>();
        using var client = Client(server);
        foreach (var (blob, blobCreated) in blobs.Zip(created))
        {
            Assert.Equal("Audit.SharePoint", blob.GetProperty("contentType").GetString());
            using var response = await SendAsync(client, HttpMethod.Get, blob.GetProperty("contentUri").GetString()!, token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            records.AddRange((await Json(response)).EnumerateArray().Select(r => (r, blobCreated)));
        }

        foreach (var (record, blobCreated) in records)
        {
            var creationTime = record.GetProperty("CreationTime").GetString()!;
            Assert.DoesNotContain('Z', creationTime);
            Assert.True(DateTime.Parse(creationTime, CultureInfo.InvariantCulture) < blobCreated.UtcDateTime, "A record is in a blob created after it.");
            Assert.Contains(record.GetProperty("Workload").GetString(), new[] { "SharePoint", "OneDrive" });
            Assert.True(Guid.TryParse(record.GetProperty("Id").GetString(), out _));
        }

        var byId = records.GroupBy(r => r.Record.GetProperty("Id").GetString()).ToList();
        Assert.Contains(byId, g => g.Count() == 2);
        Assert.Contains(records, r => r.Record.GetProperty("Operation").GetString() == "FileModified");
        Assert.Contains(records, r => r.BlobCreated.UtcDateTime - DateTime.Parse(r.Record.GetProperty("CreationTime").GetString()!, CultureInfo.InvariantCulture) > TimeSpan.FromHours(3));
    }

    [Fact]
    public async Task Blobs_created_before_the_subscription_started_do_not_exist()
    {
        clock.Advance(TimeSpan.FromDays(2));
        var token = await SubscribeAllAsync(server, app, Fabrikam);
        var now = clock.GetUtcNow();

        var before = await ListAllAsync(server, token, Fabrikam, "Audit.General", now.AddHours(-24), now);
        clock.Advance(TimeSpan.FromHours(12));
        token = await TokenAsync(server, app, Fabrikam);
        var after = await ListAllAsync(server, token, Fabrikam, "Audit.General", now.AddHours(-12), now.AddHours(12));

        Assert.Empty(before.SelectMany(p => p));
        Assert.NotEmpty(after.SelectMany(p => p));
        Assert.All(after.SelectMany(p => p), b => Assert.True(DateTimeOffset.Parse(b.GetProperty("contentCreated").GetString()!, CultureInfo.InvariantCulture) >= now));
    }

    [Fact]
    public async Task Audit_log_off_fails_starting_and_listing_with_AF20023_until_it_is_on_and_started_again()
    {
        var token = await SubscribeAllAsync(server, app, Fabrikam);
        using var client = Client(server);
        using (var control = await client.PostAsync($"sandbox/tenants/{Fabrikam}/audit-log", JsonContent("""{"enabled":false}""")))
        {
            Assert.Equal(HttpStatusCode.OK, control.StatusCode);
        }

        using var start = await SendAsync(client, HttpMethod.Post, Feed(Fabrikam, "subscriptions/start?contentType=Audit.Exchange"), token);
        await AssertErrorAsync(start, HttpStatusCode.BadRequest, "AF20023");
        using var list = await SendAsync(client, HttpMethod.Get, Content(Fabrikam, "Audit.Exchange"), token);
        await AssertErrorAsync(list, HttpStatusCode.BadRequest, "AF20023");

        server.AuditLog.SetEnabled(Fabrikam, true);
        using var stillDisabled = await SendAsync(client, HttpMethod.Get, Content(Fabrikam, "Audit.Exchange"), token);
        await AssertErrorAsync(stillDisabled, HttpStatusCode.BadRequest, "AF20023");
        using var restarted = await SendAsync(client, HttpMethod.Post, Feed(Fabrikam, "subscriptions/start?contentType=Audit.Exchange"), token);
        Assert.Equal(HttpStatusCode.OK, restarted.StatusCode);
        using var listed = await SendAsync(client, HttpMethod.Get, Content(Fabrikam, "Audit.Exchange"), token);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
    }

    [Fact]
    public async Task Feed_requests_are_throttled_with_AF429_and_whole_second_Retry_After()
    {
        var token = await SubscribeAllAsync(server, app, Fabrikam);
        server.Faults.Throttle(1, 7);
        using var client = Client(server);

        using var throttled = await SendAsync(client, HttpMethod.Get, Content(Fabrikam, "Audit.General"), token);

        await AssertErrorAsync(throttled, HttpStatusCode.TooManyRequests, "AF429");
        Assert.Equal(TimeSpan.FromSeconds(7), throttled.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Get, Content(Fabrikam, "Audit.General"), token)).StatusCode);
    }

    [Fact]
    public async Task Two_sandboxes_on_the_same_clock_serve_the_same_blobs_and_records()
    {
        var otherClock = new FakeTimeProvider(Start);
        var otherApp = SandboxTestBase.NewApp("Second");
        await using var other = await StartServerAsync(otherClock, otherApp);
        var token = await SubscribeAllAsync(server, app, Fabrikam);
        var otherToken = await SubscribeAllAsync(other, otherApp, Fabrikam);
        clock.Advance(TimeSpan.FromDays(2));
        otherClock.Advance(TimeSpan.FromDays(2));
        token = await TokenAsync(server, app, Fabrikam);
        otherToken = await TokenAsync(other, otherApp, Fabrikam);
        var now = clock.GetUtcNow();

        foreach (var contentType in new[] { "Audit.AzureActiveDirectory", "Audit.Exchange", "Audit.General" })
        {
            var mine = await RecordsAsync(server, token, contentType, now.AddHours(-24), now);
            var theirs = await RecordsAsync(other, otherToken, contentType, now.AddHours(-24), now);
            Assert.NotEmpty(mine);
            Assert.Equal(mine, theirs);
        }
    }

    private static async Task<List<string>> RecordsAsync(SandboxServer server, string token, string contentType, DateTimeOffset from, DateTimeOffset to)
    {
        var records = new List<string>();
        using var client = Client(server);
        foreach (var blob in (await ListAllAsync(server, token, Fabrikam, contentType, from, to)).SelectMany(p => p))
        {
            var path = new Uri(blob.GetProperty("contentUri").GetString()!).PathAndQuery;
            using var response = await SendAsync(client, HttpMethod.Get, path, token);
            records.Add(blob.GetProperty("contentCreated").GetString() + " " + await response.Content.ReadAsStringAsync());
        }

        return records;
    }

    private static async Task<List<List<JsonElement>>> ListAllAsync(SandboxServer server, string token, string tenantId, string contentType, DateTimeOffset from, DateTimeOffset to)
    {
        using var client = Client(server);
        var pages = new List<List<JsonElement>>();
        string? next = Feed(tenantId, $"subscriptions/content?contentType={contentType}&startTime={Iso(from)}&endTime={Iso(to)}");
        while (next is not null)
        {
            using var response = await SendAsync(client, HttpMethod.Get, next, token);
            var json = await Json(response);
            Assert.True(response.StatusCode == HttpStatusCode.OK, json.ToString());
            pages.Add([.. json.EnumerateArray()]);
            next = response.Headers.TryGetValues("NextPageUri", out var values) ? values.Single() : null;
        }

        return pages;
    }

    private static async Task<SandboxServer> StartServerAsync(FakeTimeProvider clock, SandboxClientApp app) =>
        await SandboxServer.StartAsync(new SandboxOptions { Apps = [app], TimeProvider = clock, AuditContentPageSize = 5 });

    private static async Task<string> SubscribeAllAsync(SandboxServer server, SandboxClientApp app, string tenantId)
    {
        var token = await TokenAsync(server, app, tenantId);
        using var client = Client(server);
        foreach (var contentType in new[] { "Audit.AzureActiveDirectory", "Audit.Exchange", "Audit.SharePoint", "Audit.General" })
        {
            using var response = await SendAsync(client, HttpMethod.Post, Feed(tenantId, $"subscriptions/start?contentType={contentType}"), token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        return token;
    }

    private static string Feed(string tenantId, string relative) => $"/api/v1.0/{tenantId}/activity/feed/{relative}";

    private static string Content(string tenantId, string contentType) => Feed(tenantId, $"subscriptions/content?contentType={contentType}");

    private static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    private static HttpClient Client(SandboxServer server) => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.HttpBaseAddress };

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private static async Task<string> TokenAsync(SandboxServer server, SandboxClientApp app, string tenantId, string scope = "https://manage.office.com/.default", bool grant = true)
    {
        if (grant)
        {
            server.Directory.GrantConsent(tenantId, app.ClientId);
        }

        using var client = Client(server);
        using var response = await client.PostAsync($"{tenantId}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = app.ClientId,
            ["client_secret"] = app.ClientSecret,
            ["grant_type"] = "client_credentials",
            ["scope"] = scope,
        }));
        var json = await Json(response);
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return json.GetProperty("access_token").GetString()!;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string uri, string token)
    {
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var json = await Json(response);
        Assert.True(status == response.StatusCode, $"{response.StatusCode}: {json}");
        Assert.Equal(code, json.GetProperty("error").GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("error").GetProperty("message").GetString()));
    }
}
