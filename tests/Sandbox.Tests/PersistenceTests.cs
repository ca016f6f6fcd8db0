using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace WorkSights.Sandbox.Tests;

/// <summary>
/// A sandbox with a data directory keeps what Microsoft would keep: each test makes state, disposes the sandbox and starts
/// a new instance on the same folder (a restart of <c>dotnet run</c>), then observes the same state through the same APIs.
/// The new instance listens on new random ports, so links issued before the restart are followed by their path and query
/// (the web app uses fixed ports, where the whole link is the same).
/// </summary>
public sealed class PersistenceTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2025, 3, 12, 12, 0, 0, TimeSpan.Zero);
    private static readonly string Contoso = SandboxTenants.Contoso.TenantId;
    private static readonly string Fabrikam = SandboxTenants.Fabrikam.TenantId;
    private static readonly string Northwind = SandboxTenants.Northwind.TenantId;
    private const string GraphScope = "https://graph.microsoft.com/.default";
    private const string ManagementScope = "https://manage.office.com/.default";

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "sbx-persist-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider clock = new(Start);
    private readonly SandboxClientApp app = SandboxTestBase.NewApp("WorkSights Persistence Test");

    public void Dispose()
    {
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task ConsentGrantsAndAppsAreInEffectAfterARestart()
    {
        var runtimeApp = SandboxTestBase.NewApp("Registered at run time");
        var controlApp = SandboxTestBase.NewApp("Registered through the controls");
        List<string> before;
        string graphTokenBefore;
        await using (var first = await StartAsync())
        {
            first.RegisterApp(runtimeApp);
            using (var client = Client(first))
            using (var registered = await client.PostAsync("sandbox/apps", JsonBody(new { clientId = controlApp.ClientId, clientSecret = controlApp.ClientSecret, displayName = controlApp.DisplayName, redirectUris = new[] { SandboxTestBase.RedirectUri } })))
            {
                Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
            }

            first.Directory.GrantConsent(Contoso, app.ClientId);
            first.Directory.GrantConsent(Fabrikam, app.ClientId, ["User.Read.All", "Directory.Read.All"]);
            first.Directory.GrantConsent(Contoso, runtimeApp.ClientId);
            first.Directory.RevokeConsent(Contoso, runtimeApp.ClientId);
            first.Directory.GrantConsent(Contoso, controlApp.ClientId);
            first.Directory.GrantConsent(Fabrikam, controlApp.ClientId);
            first.Directory.DeleteServicePrincipal(Fabrikam, controlApp.ClientId);
            first.Directory.GrantConsent(Northwind, runtimeApp.ClientId);
            before = await ObserveConsentAsync(first, app, runtimeApp, controlApp);
            graphTokenBefore = (await TokenAsync(first, Contoso, app)).GetProperty("access_token").GetString()!;
        }

        clock.Advance(TimeSpan.FromMinutes(5));
        await using var second = await StartAsync();

        var after = await ObserveConsentAsync(second, app, runtimeApp, controlApp);
        Assert.Equal(before, after);
        Assert.Contains(after, o => o.StartsWith($"{Fabrikam}|{app.ClientId}|Consented|", StringComparison.Ordinal) && o.EndsWith("|200|Directory.Read.All,User.Read.All", StringComparison.Ordinal));
        Assert.Contains(after, o => o.StartsWith($"{Contoso}|{runtimeApp.ClientId}|PermissionsRevoked|", StringComparison.Ordinal) && o.EndsWith("|200|", StringComparison.Ordinal));
        Assert.Contains(after, o => o.StartsWith($"{Fabrikam}|{controlApp.ClientId}|ServicePrincipalDeleted|", StringComparison.Ordinal) && o.EndsWith("|401|", StringComparison.Ordinal));
        Assert.Contains(after, o => o.StartsWith($"{Contoso}|{controlApp.ClientId}|Consented|", StringComparison.Ordinal) && o.Contains("|200|", StringComparison.Ordinal));
        Assert.Equal(new[] { app.ClientId, controlApp.ClientId, runtimeApp.ClientId }.Order(StringComparer.Ordinal), second.Directory.GetApps().Select(a => a.ClientId).Order(StringComparer.Ordinal));

        var (status, _, _) = await GetAsync(second, "v1.0/users?$top=1", graphTokenBefore);
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task AUsersDeltaLinkIssuedBeforeARestartReturnsExactlyTheLaterDirectoryChanges()
    {
        string expiredLink;
        string deltaLink;
        string usersBefore;
        SandboxUser joiner;
        SandboxWorkProfile? joinerProfile;
        SandboxUser leaver, mover, softie;
        await using (var first = await StartAsync())
        {
            first.Directory.GrantConsent(Fabrikam, app.ClientId);
            var token = await GraphTokenAsync(first, Fabrikam);
            expiredLink = (await CycleAsync(first, "v1.0/users/delta?$select=displayName,department", token)).DeltaLink;
            first.Faults.ExpireAllDeltaTokens();
            var (initial, link, _) = await CycleAsync(first, "v1.0/users/delta?$select=displayName,department", token);
            Assert.Equal(12, initial.Count);
            deltaLink = link;

            var users = first.Directory.GetUsers(Fabrikam);
            joiner = first.Directory.AddUser(Fabrikam, "Jo Newcomer", "Sales", "Account Executive", users[0].Id);
            joinerProfile = first.Directory.GetWorkProfile(Fabrikam, joiner.Id);
            (leaver, mover, softie) = (users[1], users[2], users[3]);
            first.Directory.RemoveUser(Fabrikam, leaver.Id);
            first.Directory.UpdateUser(Fabrikam, mover.Id, department: "Finance", jobTitle: "Controller");
            first.Directory.RemoveUser(Fabrikam, softie.Id, softDelete: true);
            first.Directory.SetEntraPremium(Fabrikam, false);
            first.AuditLog.SetEnabled(Northwind, false);
            usersBefore = JsonSerializer.Serialize(first.Directory.GetUsers(Fabrikam));
        }

        clock.Advance(TimeSpan.FromHours(1));
        await using var second = await StartAsync();

        Assert.Equal(usersBefore, JsonSerializer.Serialize(second.Directory.GetUsers(Fabrikam)));
        Assert.Equal(joinerProfile, second.Directory.GetWorkProfile(Fabrikam, joiner.Id));
        Assert.False(second.Directory.HasEntraPremium(Fabrikam));
        Assert.True(second.Directory.HasEntraPremium(Contoso));
        Assert.False(second.AuditLog.IsEnabled(Northwind));

        var token2 = await GraphTokenAsync(second, Fabrikam);
        var (expiredStatus, expired, _) = await GetAsync(second, expiredLink, token2);
        Assert.Equal(HttpStatusCode.BadRequest, expiredStatus);
        Assert.Equal("syncStateNotFound", expired.GetProperty("error").GetProperty("code").GetString());

        var (changes, nextLink, _) = await CycleAsync(second, deltaLink, token2);
        Assert.Equal(new[] { joiner.Id, leaver.Id, mover.Id, softie.Id }.Order(StringComparer.Ordinal), changes.Select(Id).Order(StringComparer.Ordinal));
        Assert.Equal("Jo Newcomer", changes.Single(c => Id(c) == joiner.Id).GetProperty("displayName").GetString());
        Assert.Equal("deleted", changes.Single(c => Id(c) == leaver.Id).GetProperty("@removed").GetProperty("reason").GetString());
        Assert.Equal("Finance", changes.Single(c => Id(c) == mover.Id).GetProperty("department").GetString());
        Assert.Equal(["displayName", "department", "id"], changes.Single(c => Id(c) == mover.Id).EnumerateObject().Select(p => p.Name));

        var secondJoiner = second.Directory.AddUser(Fabrikam, "Ada Later", "Sales");
        Assert.NotEqual(joiner.Id, secondJoiner.Id);
        second.Directory.RestoreUser(Fabrikam, softie.Id);
        var (later, _, _) = await CycleAsync(second, nextLink, token2);
        Assert.Equal(new[] { softie.Id, secondJoiner.Id }.Order(StringComparer.Ordinal), later.Select(Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task MailAndCalendarDeltaLinksIssuedBeforeARestartResumeWithTheSameMailbox()
    {
        var personId = string.Empty;
        var range = $"startDateTime={Iso(Start.AddDays(-7))}&endDateTime={Iso(Start.AddDays(14))}";
        HashSet<string> mailBefore, eventsBefore;
        string mailLink, calendarLink;
        await using (var first = await StartAsync())
        {
            first.Directory.GrantConsent(Contoso, app.ClientId);
            personId = first.State.Directory.Roster(Contoso).Active.First(p => p.Reports.Count >= 3).Id;
            var token = await GraphTokenAsync(first, Contoso);
            var (mail, link, _) = await CycleAsync(first, $"v1.0/users/{personId}/mailFolders/sentitems/messages/delta", token);
            (mailBefore, mailLink) = ([.. mail.Select(Id)], link);
            var (events, eventsLink, _) = await CycleAsync(first, $"v1.0/users/{personId}/calendarView/delta?{range}", token);
            (eventsBefore, calendarLink) = ([.. events.Select(Id)], eventsLink);
            Assert.Contains(mail, m => m.GetProperty("sentDateTime").GetDateTimeOffset() < Start.AddDays(3 - 60));
        }

        // Three days later: the history still begins 60 days before the first start, not before this one.
        clock.Advance(TimeSpan.FromDays(3));
        await using var second = await StartAsync();
        var token2 = await GraphTokenAsync(second, Contoso);

        var (mailChanges, _, _) = await CycleAsync(second, mailLink, token2);
        var (eventChanges, _, _) = await CycleAsync(second, calendarLink, token2);
        var (mailNow, _, _) = await CycleAsync(second, $"v1.0/users/{personId}/mailFolders/sentitems/messages/delta", token2);
        var (eventsNow, _, _) = await CycleAsync(second, $"v1.0/users/{personId}/calendarView/delta?{range}", token2);

        Assert.Contains(mailChanges, m => !Removed(m));
        Assert.All(mailChanges.Where(m => !Removed(m)), m => Assert.True(m.GetProperty("sentDateTime").GetDateTimeOffset() > Start.AddMinutes(-1), Id(m)));
        Assert.Equal(Apply(mailBefore, mailChanges), [.. mailNow.Select(Id).Order(StringComparer.Ordinal)]);
        Assert.NotEmpty(eventChanges);
        Assert.Equal(Apply(eventsBefore, eventChanges), [.. eventsNow.Select(Id).Order(StringComparer.Ordinal)]);
    }

    [Fact]
    public async Task CallRecordAndSignInNextLinksIssuedBeforeARestartContinueTheSameListing()
    {
        var calls = $"v1.0/communications/callRecords?$filter={Uri.EscapeDataString($"startDateTime ge {Iso(Start.AddDays(-4))} and startDateTime lt {Iso(Start.AddDays(-2))}")}";
        var signIns = $"v1.0/auditLogs/signIns?$top=25&$filter={Uri.EscapeDataString($"createdDateTime ge {Iso(Start.AddDays(-3))} and createdDateTime lt {Iso(Start.AddDays(-2))}")}";
        List<string> callsFirstPage, signInsFirstPage;
        string callsNext, signInsNext;
        await using (var first = await StartAsync())
        {
            first.Directory.GrantConsent(Contoso, app.ClientId);
            var token = await GraphTokenAsync(first, Contoso);
            var callPage = await OkAsync(first, calls, token, "odata.maxpagesize=5");
            (callsFirstPage, callsNext) = (Ids(callPage), callPage.GetProperty("@odata.nextLink").GetString()!);
            var signInPage = await OkAsync(first, signIns, token);
            (signInsFirstPage, signInsNext) = (Ids(signInPage), signInPage.GetProperty("@odata.nextLink").GetString()!);
        }

        clock.Advance(TimeSpan.FromHours(2));
        await using var second = await StartAsync();
        var token2 = await GraphTokenAsync(second, Contoso);

        var resumedCalls = callsFirstPage.Concat(await ReadAllAsync(second, callsNext, token2, "odata.maxpagesize=5")).ToList();
        var resumedSignIns = signInsFirstPage.Concat(await ReadAllAsync(second, signInsNext, token2)).ToList();

        Assert.True(resumedCalls.Count > 10, $"Only {resumedCalls.Count} calls.");
        Assert.Equal(await ReadAllAsync(second, calls, token2, "odata.maxpagesize=5"), resumedCalls);
        Assert.True(resumedSignIns.Count > 50, $"Only {resumedSignIns.Count} sign-ins.");
        Assert.Equal(await ReadAllAsync(second, signIns, token2), resumedSignIns);
    }

    [Fact]
    public async Task AnAuditSubscriptionKeepsItsPositionInTheFeedAfterARestart()
    {
        List<string> firstPage;
        string nextPageUri;
        string blobUri;
        string blobBefore;
        DateTimeOffset from, to;
        await using (var first = await StartAsync(auditContentPageSize: 5))
        {
            first.Directory.GrantConsent(Fabrikam, app.ClientId);
            first.Directory.GrantConsent(Contoso, app.ClientId);
            var token = await ManagementTokenAsync(first, Fabrikam);
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(first, HttpMethod.Post, Feed(Fabrikam, "subscriptions/start?contentType=Audit.SharePoint"), token)).Status);
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(first, HttpMethod.Post, Feed(Fabrikam, "subscriptions/start?contentType=Audit.Exchange"), token)).Status);
            Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(first, HttpMethod.Post, Feed(Fabrikam, "subscriptions/stop?contentType=Audit.Exchange"), token)).Status);
            first.AuditLog.SetEnabled(Contoso, false);

            clock.Advance(TimeSpan.FromDays(1));
            token = await ManagementTokenAsync(first, Fabrikam);
            (from, to) = (clock.GetUtcNow().AddHours(-24), clock.GetUtcNow());
            var (status, page, headers) = await SendAsync(first, HttpMethod.Get, Listing(from, to), token);
            Assert.Equal(HttpStatusCode.OK, status);
            firstPage = [.. page.EnumerateArray().Select(b => b.GetProperty("contentId").GetString()!)];
            nextPageUri = headers.GetValues("NextPageUri").Single();
            blobUri = page[0].GetProperty("contentUri").GetString()!;
            blobBefore = (await SendAsync(first, HttpMethod.Get, blobUri, token)).Json.ToString();
        }

        clock.Advance(TimeSpan.FromMinutes(10));
        await using var second = await StartAsync(auditContentPageSize: 5);
        var token2 = await ManagementTokenAsync(second, Fabrikam);

        Assert.Equal(
            new[] { "Audit.Exchange disabled", "Audit.SharePoint enabled" },
            (await SendAsync(second, HttpMethod.Get, Feed(Fabrikam, "subscriptions/list"), token2)).Json.EnumerateArray()
                .Select(s => $"{s.GetProperty("contentType").GetString()} {s.GetProperty("status").GetString()}").Order(StringComparer.Ordinal));
        var again = await SendAsync(second, HttpMethod.Post, Feed(Fabrikam, "subscriptions/start?contentType=Audit.SharePoint"), token2);
        Assert.Equal("AF20024", again.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.False(second.AuditLog.IsEnabled(Contoso));

        var (status2, resumed, _) = await SendAsync(second, HttpMethod.Get, nextPageUri, token2);
        Assert.Equal(HttpStatusCode.OK, status2);
        var (_, listedAgain, _) = await SendAsync(second, HttpMethod.Get, Listing(from, to), token2);
        Assert.Equal(firstPage, listedAgain.EnumerateArray().Select(b => b.GetProperty("contentId").GetString()!));
        var (_, secondPage, _) = await SendAsync(second, HttpMethod.Get, new Uri(nextPageUri).PathAndQuery, token2);
        Assert.NotEmpty(resumed.EnumerateArray());
        Assert.Equal(secondPage.ToString(), resumed.ToString());
        Assert.Equal(blobBefore, (await SendAsync(second, HttpMethod.Get, blobUri, token2)).Json.ToString());
        var stopped = await SendAsync(second, HttpMethod.Get, Feed(Fabrikam, $"subscriptions/content?contentType=Audit.Exchange&startTime={Iso(from)}&endTime={Iso(to)}"), token2);
        Assert.Equal("AF20023", stopped.Json.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task TheResetControlReturnsToTheSeedAndOldDeltaLinksAnswerAsExpiredAcrossARestart()
    {
        var runtimeApp = SandboxTestBase.NewApp("Forgotten at reset");
        string usersLink, mailLink;
        var personId = string.Empty;
        await using (var first = await StartAsync())
        {
            first.RegisterApp(runtimeApp);
            first.Directory.GrantConsent(Fabrikam, app.ClientId);
            first.Directory.GrantConsent(Contoso, app.ClientId);
            first.Directory.AddUser(Fabrikam, "Jo Newcomer", "Sales");
            first.Directory.SetEntraPremium(Fabrikam, false);
            first.AuditLog.SetEnabled(Northwind, false);
            var feedToken = await ManagementTokenAsync(first, Fabrikam);
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(first, HttpMethod.Post, Feed(Fabrikam, "subscriptions/start?contentType=Audit.SharePoint"), feedToken)).Status);
            usersLink = (await CycleAsync(first, "v1.0/users/delta", await GraphTokenAsync(first, Fabrikam))).DeltaLink;
            personId = first.State.Directory.Roster(Contoso).Active.First().Id;
            mailLink = (await CycleAsync(first, $"v1.0/users/{personId}/mailFolders/sentitems/messages/delta", await GraphTokenAsync(first, Contoso))).DeltaLink;

            using var client = Client(first);
            using var page = await client.GetAsync("sandbox");
            Assert.Contains("action=\"/sandbox/reset\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            using var reset = await client.PostAsync("sandbox/reset", JsonBody(new { }));
            Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
            Assert.True((await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reset").GetBoolean());

            await AssertSeedAsync(first, runtimeApp, usersLink, mailLink);
        }

        await using var second = await StartAsync();
        await AssertSeedAsync(second, runtimeApp, usersLink, mailLink);
    }

    [Fact]
    public async Task NothingIsWrittenWithoutADataDirectory()
    {
        var places = new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory, Path.GetTempPath() };
        var existedBefore = places.Select(p => File.Exists(Path.Combine(p, SandboxStateFile.FileName))).ToArray();
        await using (var server = await SandboxServer.StartAsync(new SandboxOptions { Apps = [app], TimeProvider = clock }))
        {
            server.Directory.GrantConsent(Fabrikam, app.ClientId);
            server.Directory.AddUser(Fabrikam, "Jo Newcomer", "Sales");
            server.AuditLog.SetEnabled(Contoso, false);
            server.RegisterApp(SandboxTestBase.NewApp("Another"));
            server.Reset();
            Assert.Null(server.State.StateFile.Path);
        }

        Assert.Equal(existedBefore, places.Select(p => File.Exists(Path.Combine(p, SandboxStateFile.FileName))));
        await using var fresh = await SandboxServer.StartAsync(new SandboxOptions { Apps = [app], TimeProvider = clock });
        Assert.Equal(SandboxConsentState.NotConsented, fresh.Directory.GetConsent(Fabrikam, app.ClientId).State);
    }

    [Fact]
    public async Task TheStateFileIsWrittenAtStartReadableByItsOwnerOnlyAndAnUnreadableOneIsSetAside()
    {
        await using (var first = await StartAsync())
        {
            var file = Path.Combine(dataDirectory, SandboxStateFile.FileName);
            Assert.Equal(file, first.State.StateFile.Path);
            Assert.True(File.Exists(file));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }

            first.Directory.GrantConsent(Fabrikam, app.ClientId);
        }

        await File.WriteAllTextAsync(Path.Combine(dataDirectory, SandboxStateFile.FileName), "{\"version\":1,\"origin\":");
        await using var second = await StartAsync();

        Assert.Equal(SandboxConsentState.NotConsented, second.Directory.GetConsent(Fabrikam, app.ClientId).State);
        Assert.True(File.Exists(Path.Combine(dataDirectory, SandboxStateFile.FileName + ".unreadable")));
        Assert.Equal(PersistedSandboxState.CurrentVersion, JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dataDirectory, SandboxStateFile.FileName))).RootElement.GetProperty("version").GetInt32());
    }

    private async Task AssertSeedAsync(SandboxServer server, SandboxClientApp forgottenApp, string usersLink, string mailLink)
    {
        Assert.Equal(SandboxConsentState.NotConsented, server.Directory.GetConsent(Fabrikam, app.ClientId).State);
        Assert.Equal([app.ClientId], server.Directory.GetApps().Select(a => a.ClientId));
        Assert.Equal(12, server.Directory.GetUsers(Fabrikam).Count);
        Assert.True(server.Directory.HasEntraPremium(Fabrikam));
        Assert.True(server.AuditLog.IsEnabled(Northwind));
        Assert.Empty(server.AuditLog.Subscriptions(Fabrikam));
        var (status, json) = await TokenResponseAsync(server, Fabrikam, forgottenApp, GraphScope);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(700016, json.GetProperty("error_codes").EnumerateArray().Select(e => e.GetInt32()));

        server.Directory.GrantConsent(Fabrikam, app.ClientId);
        server.Directory.GrantConsent(Contoso, app.ClientId);
        var (usersStatus, users, _) = await GetAsync(server, usersLink, await GraphTokenAsync(server, Fabrikam));
        Assert.Equal(HttpStatusCode.BadRequest, usersStatus);
        Assert.Equal("syncStateNotFound", users.GetProperty("error").GetProperty("code").GetString());
        var (mailStatus, mail, _) = await GetAsync(server, mailLink, await GraphTokenAsync(server, Contoso));
        Assert.Equal(HttpStatusCode.Gone, mailStatus);
        Assert.Equal("SyncStateNotFound", mail.GetProperty("error").GetProperty("code").GetString());
        server.Directory.RevokeConsent(Fabrikam, app.ClientId);
        server.Reset();
    }

    /// <summary>For each tenant and app: consent state, service principal, and the token endpoint's answer with its roles.</summary>
    private async Task<List<string>> ObserveConsentAsync(SandboxServer server, params SandboxClientApp[] apps)
    {
        var observed = new List<string>();
        foreach (var tenant in SandboxTenants.All)
        {
            foreach (var candidate in apps)
            {
                var consent = server.Directory.GetConsent(tenant.TenantId, candidate.ClientId);
                var (status, json) = await TokenResponseAsync(server, tenant.TenantId, candidate, GraphScope);
                var roles = string.Empty;
                var oid = string.Empty;
                if (status == HttpStatusCode.OK)
                {
                    var jwt = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(json.GetProperty("access_token").GetString());
                    roles = string.Join(',', jwt.Claims.Where(c => c.Type == "roles").Select(c => c.Value).Order(StringComparer.Ordinal));
                    oid = jwt.GetPayloadValue<string>("oid");
                }

                observed.Add($"{tenant.TenantId}|{candidate.ClientId}|{consent.State}|{consent.ServicePrincipalId}|{string.Join(',', consent.Roles)}|{oid}|{(int)status}|{roles}");
            }
        }

        return observed;
    }

    private Task<SandboxServer> StartAsync(int auditContentPageSize = 20) => SandboxServer.StartAsync(new SandboxOptions
    {
        DataDirectory = dataDirectory,
        Apps = [app],
        TimeProvider = clock,
        DeltaPageSize = 40,
        AuditContentPageSize = auditContentPageSize,
        SignInRequestsPer10Seconds = 1000,
    });

    private static HttpClient Client(SandboxServer server) => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.HttpBaseAddress };

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    private static StringContent JsonBody(object body) => new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    private static async Task<(HttpStatusCode Status, JsonElement Json)> TokenResponseAsync(SandboxServer server, string tenantId, SandboxClientApp client, string scope)
    {
        using var http = Client(server);
        using var response = await http.PostAsync($"{tenantId}/oauth2/v2.0/token", Form(
            ("client_id", client.ClientId), ("client_secret", client.ClientSecret), ("grant_type", "client_credentials"), ("scope", scope)));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private async Task<JsonElement> TokenAsync(SandboxServer server, string tenantId, SandboxClientApp client, string scope = GraphScope)
    {
        var (status, json) = await TokenResponseAsync(server, tenantId, client, scope);
        Assert.True(status == HttpStatusCode.OK, json.ToString());
        return json;
    }

    private async Task<string> GraphTokenAsync(SandboxServer server, string tenantId) =>
        (await TokenAsync(server, tenantId, app)).GetProperty("access_token").GetString()!;

    private async Task<string> ManagementTokenAsync(SandboxServer server, string tenantId) =>
        (await TokenAsync(server, tenantId, app, ManagementScope)).GetProperty("access_token").GetString()!;

    /// <summary>A GET on the server of a path, or of an absolute link's path and query.</summary>
    private static Task<(HttpStatusCode Status, JsonElement Json, HttpResponseHeaders Headers)> GetAsync(SandboxServer server, string url, string token, string? prefer = null) =>
        SendAsync(server, HttpMethod.Get, url, token, prefer);

    private static async Task<(HttpStatusCode Status, JsonElement Json, HttpResponseHeaders Headers)> SendAsync(SandboxServer server, HttpMethod method, string url, string token, string? prefer = null)
    {
        using var client = Client(server);
        using var request = new HttpRequestMessage(method, url.StartsWith("http", StringComparison.Ordinal) ? new Uri(url).PathAndQuery : url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (prefer is not null)
        {
            request.Headers.TryAddWithoutValidation("Prefer", prefer);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default;
        return (response.StatusCode, json, response.Headers);
    }

    private static async Task<JsonElement> OkAsync(SandboxServer server, string url, string token, string? prefer = null)
    {
        var (status, json, _) = await GetAsync(server, url, token, prefer);
        Assert.True(status == HttpStatusCode.OK, $"{status} {url}: {json}");
        return json;
    }

    /// <summary>Follows nextLinks to the deltaLink.</summary>
    private static async Task<(List<JsonElement> Items, string DeltaLink, int Pages)> CycleAsync(SandboxServer server, string url, string token)
    {
        var items = new List<JsonElement>();
        for (var pages = 1; ; pages++)
        {
            var json = await OkAsync(server, url, token, "odata.maxpagesize=200");
            items.AddRange(json.GetProperty("value").EnumerateArray());
            if (json.TryGetProperty("@odata.deltaLink", out var delta))
            {
                return (items, delta.GetString()!, pages);
            }

            url = json.GetProperty("@odata.nextLink").GetString()!;
            Assert.True(pages < 1000, "too many pages");
        }
    }

    /// <summary>The ids of every item from <paramref name="url"/> on, following nextLinks.</summary>
    private static async Task<List<string>> ReadAllAsync(SandboxServer server, string url, string token, string? prefer = null)
    {
        var ids = new List<string>();
        for (string? next = url; next is not null;)
        {
            var json = await OkAsync(server, next, token, prefer);
            ids.AddRange(Ids(json));
            next = json.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
        }

        return ids;
    }

    /// <summary>The ids after a delta round: new and changed items added, <c>@removed</c> ones taken away.</summary>
    private static List<string> Apply(HashSet<string> before, List<JsonElement> changes)
    {
        var after = new HashSet<string>(before);
        foreach (var change in changes)
        {
            if (Removed(change))
            {
                after.Remove(Id(change));
            }
            else
            {
                after.Add(Id(change));
            }
        }

        return [.. after.Order(StringComparer.Ordinal)];
    }

    private static string Listing(DateTimeOffset from, DateTimeOffset to) =>
        Feed(Fabrikam, $"subscriptions/content?contentType=Audit.SharePoint&startTime={Iso(from)}&endTime={Iso(to)}");

    private static string Feed(string tenantId, string relative) => $"/api/v1.0/{tenantId}/activity/feed/{relative}";

    private static List<string> Ids(JsonElement page) => [.. page.GetProperty("value").EnumerateArray().Select(Id)];

    private static string Id(JsonElement item) => item.GetProperty("id").GetString()!;

    private static bool Removed(JsonElement item) => item.TryGetProperty("@removed", out _);

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
