using System.Text.Json;

namespace WorkSights.Sandbox.Tests;

public sealed class SignInsTests
{
    private static readonly string Contoso = SandboxTenants.Contoso.TenantId;

    private static string Range(DateTimeOffset from, DateTimeOffset to) =>
        Uri.EscapeDataString($"createdDateTime ge {GraphFeedTestServer.Time(from)} and createdDateTime lt {GraphFeedTestServer.Time(to)}");

    [Fact]
    public async Task Sign_ins_come_newest_first_in_pages_of_top_with_skip_token_links()
    {
        await using var sandbox = await GraphFeedTestServer.StartAsync();
        var from = GraphFeedTestServer.Start.AddDays(-7);
        var to = GraphFeedTestServer.Start.AddDays(-6);

        var (paged, sizes) = await sandbox.ReadAllAsync(Contoso, $"v1.0/auditLogs/signIns?$top=50&$filter={Range(from, to)}");
        var (whole, wholeSizes) = await sandbox.ReadAllAsync(Contoso, $"v1.0/auditLogs/signIns?$filter={Range(from, to)}");

        Assert.True(paged.Count > 200, $"Only {paged.Count} sign-ins.");
        Assert.All(sizes.SkipLast(1), size => Assert.Equal(50, size));
        Assert.All(wholeSizes.SkipLast(1), size => Assert.Equal(1000, size));
        Assert.Equal(whole.Select(s => s.GetProperty("id").GetString()), paged.Select(s => s.GetProperty("id").GetString()));
        var times = paged.Select(s => s.GetProperty("createdDateTime").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderDescending(), times);
        Assert.All(times, t => Assert.True(t >= from && t < to));
    }

    [Fact]
    public async Task A_month_of_sign_ins_has_failures_several_apps_and_office_home_and_travel_places()
    {
        await using var sandbox = await GraphFeedTestServer.StartAsync();

        var (month, _) = await sandbox.ReadAllAsync(Contoso, $"v1.0/auditLogs/signIns?$filter={Range(GraphFeedTestServer.Start.AddDays(-30), GraphFeedTestServer.Start)}");

        var failures = month.Count(s => s.GetProperty("status").GetProperty("errorCode").GetInt32() != 0);
        Assert.InRange(failures, 1, month.Count / 10);
        Assert.True(month.Select(s => s.GetProperty("appDisplayName").GetString()).Distinct().Count() >= 4);
        var person = month.GroupBy(s => s.GetProperty("userId").GetString()).OrderByDescending(g => g.Select(Place).Distinct().Count()).First();
        Assert.True(person.Select(Place).Distinct().Count() >= 2, "Nobody ever signed in from home.");
        Assert.True(month.Select(Place).Distinct().Count() > 10);
        Assert.All(month, s => Assert.InRange(s.GetProperty("location").GetProperty("geoCoordinates").GetProperty("latitude").GetDouble(), -90, 90));
        Assert.True(month.All(s => s.GetProperty("createdDateTime").GetDateTimeOffset() <= GraphFeedTestServer.Start), "A sign-in from the future.");
    }

    [Fact]
    public async Task AFewSignInsComeFromCloudRegionsLocatedAtTheirDatacenterGivenAMonth()
    {
        await using var sandbox = await GraphFeedTestServer.StartAsync();

        var (month, _) = await sandbox.ReadAllAsync(Contoso, $"v1.0/auditLogs/signIns?$filter={Range(GraphFeedTestServer.Start.AddDays(-30), GraphFeedTestServer.Start)}");

        string[] datacenterCities = ["Amsterdam", "Dublin", "Boydton", "Quincy", "Ashburn", "Frankfurt am Main"];
        var fromCloud = month.Where(s => s.GetProperty("ipAddress").GetString() is { } ip && (ip.StartsWith("13.", StringComparison.Ordinal) || ip.StartsWith("3.", StringComparison.Ordinal))).ToList();
        Assert.InRange(fromCloud.Count, month.Count / 100, month.Count / 15);
        Assert.All(fromCloud, s => Assert.Contains(s.GetProperty("location").GetProperty("city").GetString(), datacenterCities));
        Assert.DoesNotContain(month.Except(fromCloud), s => datacenterCities.Contains(s.GetProperty("location").GetProperty("city").GetString()));
    }

    [Theory]
    [InlineData("$filter=ipAddress eq '203.0.113.1'")]
    [InlineData("$filter=createdDateTime ge not-a-date")]
    [InlineData("$filter=createdDateTime eq 2026-11-10T00:00:00Z")]
    [InlineData("$top=1001")]
    [InlineData("$top=0")]
    [InlineData("$orderby=createdDateTime")]
    public async Task Unsupported_queries_are_refused_with_a_graph_error(string query)
    {
        await using var sandbox = await GraphFeedTestServer.StartAsync();

        var (status, _, body) = await sandbox.GetAsync(Contoso, $"v1.0/auditLogs/signIns?{query}");

        Assert.Equal(400, status);
        Assert.Equal("BadRequest", body.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task More_than_five_requests_in_ten_seconds_are_answered_429_with_whole_seconds_to_wait()
    {
        await using var sandbox = await GraphFeedTestServer.StartAsync(signInRequestsPer10Seconds: 5);
        var url = "v1.0/auditLogs/signIns?$top=1";

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(200, (await sandbox.GetAsync(Contoso, url)).Status);
            sandbox.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var (status, retryAfter, body) = await sandbox.GetAsync(Contoso, url);
        Assert.Equal(429, status);
        Assert.Equal("5", retryAfter);
        Assert.Equal("TooManyRequests", body.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(200, (await sandbox.GetAsync(SandboxTenants.Fabrikam.TenantId, url)).Status);

        sandbox.Clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(429, (await sandbox.GetAsync(Contoso, url)).Status);
        sandbox.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(200, (await sandbox.GetAsync(Contoso, url)).Status);
        Assert.Equal("5", sandbox.Server.RequestLog.Entries.First(e => e.StatusCode == 429).RetryAfter);
    }

    [Fact]
    public async Task A_tenant_without_entra_premium_is_refused_403_while_its_other_graph_endpoints_answer()
    {
        await using var sandbox = await GraphFeedTestServer.StartAsync();
        sandbox.Server.Directory.SetEntraPremium(Contoso, false);

        var (status, _, body) = await sandbox.GetAsync(Contoso, "v1.0/auditLogs/signIns");
        Assert.Equal(403, status);
        Assert.Equal("Authentication_RequestFromNonPremiumTenantOrB2CTenant", body.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(200, (await sandbox.GetAsync(Contoso, "v1.0/communications/callRecords")).Status);
        Assert.Equal(200, (await sandbox.GetAsync(SandboxTenants.Fabrikam.TenantId, "v1.0/auditLogs/signIns?$top=1")).Status);

        using var control = new HttpClient { BaseAddress = sandbox.Server.HttpBaseAddress };
        using var response = await control.PostAsync(
            $"sandbox/tenants/{Contoso}/entra-premium", new StringContent("{\"enabled\":true}", System.Text.Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode);
        Assert.True(sandbox.Server.Directory.HasEntraPremium(Contoso));
        Assert.Equal(200, (await sandbox.GetAsync(Contoso, "v1.0/auditLogs/signIns?$top=1")).Status);
    }

    [Fact]
    public async Task Tokens_carry_the_feed_roles_and_without_them_sign_ins_are_denied()
    {
        await using var sandbox = await GraphFeedTestServer.StartAsync();

        var roles = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(await sandbox.TokenAsync(Contoso)).Claims.Where(c => c.Type == "roles").Select(c => c.Value).ToList();
        Assert.Contains("CallRecords.Read.All", roles);
        Assert.Contains("AuditLog.Read.All", roles);
        Assert.Contains("Directory.Read.All", roles);

        sandbox.Server.Directory.RevokeConsent(Contoso, sandbox.App.ClientId);
        var (status, _, body) = await sandbox.GetAsync(Contoso, "v1.0/auditLogs/signIns");
        Assert.Equal(403, status);
        Assert.Equal("Authorization_RequestDenied", body.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Two_sandboxes_on_the_same_clock_serve_the_same_sign_ins()
    {
        await using var first = await GraphFeedTestServer.StartAsync();
        await using var second = await GraphFeedTestServer.StartAsync();
        var url = $"v1.0/auditLogs/signIns?$filter={Range(GraphFeedTestServer.Start.AddDays(-4), GraphFeedTestServer.Start)}";

        var (a, _) = await first.ReadAllAsync(Contoso, url);
        var (b, _) = await second.ReadAllAsync(Contoso, url);

        Assert.NotEmpty(a);
        Assert.Equal(a.Select(s => s.GetRawText()), b.Select(s => s.GetRawText()));
    }

    private static string Place(JsonElement signIn) => signIn.GetProperty("location").GetProperty("city").GetString()!;
}
