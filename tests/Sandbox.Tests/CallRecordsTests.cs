using System.Text.Json;

namespace WorkSights.Sandbox.Tests;

public sealed class CallRecordsTests
{
    private static readonly string Contoso = SandboxTenants.Contoso.TenantId;

    private static string ListUrl(DateTimeOffset from, DateTimeOffset to) =>
        $"v1.0/communications/callRecords?$filter={Uri.EscapeDataString($"startDateTime ge {GraphFeedTestServer.Time(from)} and startDateTime lt {GraphFeedTestServer.Time(to)}")}";

    [Fact]
    public async Task The_list_pages_records_by_start_time_within_the_filter_without_sessions()
    {
        await using var sandbox = await GraphFeedTestServer.StartAsync();
        var from = GraphFeedTestServer.Start.AddDays(-3);
        var to = GraphFeedTestServer.Start.AddDays(-1);

        var (paged, sizes) = await sandbox.ReadAllAsync(Contoso, ListUrl(from, to), "odata.maxpagesize=7");
        var (whole, wholeSizes) = await sandbox.ReadAllAsync(Contoso, ListUrl(from, to));

        Assert.True(paged.Count > 14, $"Only {paged.Count} calls.");
        Assert.All(sizes, size => Assert.InRange(size, 0, 7));
        Assert.All(wholeSizes, size => Assert.InRange(size, 0, 60));
        Assert.Equal(Ids(whole), Ids(paged));
        Assert.Equal(paged.Count, Ids(paged).Distinct().Count());
        var starts = paged.Select(c => c.GetProperty("startDateTime").GetDateTimeOffset()).ToList();
        Assert.Equal(starts.Order(), starts);
        Assert.All(starts, s => Assert.True(s >= from && s < to, $"{s} is outside the filter."));
        Assert.All(paged, c => Assert.False(c.TryGetProperty("sessions", out _)));
    }

    [Theory]
    [InlineData("$filter=endDateTime ge 2026-11-10T00:00:00Z")]
    [InlineData("$filter=startDateTime ge yesterday")]
    [InlineData("$filter=startDateTime eq 2026-11-10T00:00:00Z")]
    [InlineData("$expand=sessions")]
    [InlineData("$top=10")]
    [InlineData("$orderby=startDateTime desc")]
    public async Task Unsupported_queries_on_the_list_are_refused_with_a_graph_error(string query)
    {
        await using var sandbox = await GraphFeedTestServer.StartAsync();

        var (status, _, body) = await sandbox.GetAsync(Contoso, $"v1.0/communications/callRecords?{query}");

        Assert.Equal(400, status);
        Assert.Equal("BadRequest", body.GetProperty("error").GetProperty("code").GetString());
        Assert.True(body.GetProperty("error").GetProperty("innerError").TryGetProperty("request-id", out _));
    }

    [Fact]
    public async Task A_record_expands_its_sessions_where_each_participant_joins_and_leaves_at_their_own_times()
    {
        await using var sandbox = await GraphFeedTestServer.StartAsync();
        var (calls, _) = await sandbox.ReadAllAsync(Contoso, ListUrl(GraphFeedTestServer.Start.AddDays(-29), GraphFeedTestServer.Start));

        Assert.Contains(calls, c => c.GetProperty("type").GetString() == "peerToPeer");
        var group = calls.First(c => c.GetProperty("type").GetString() == "groupCall" && c.GetProperty("participants").GetArrayLength() >= 4);
        var (status, _, record) = await sandbox.GetAsync(Contoso, $"v1.0/communications/callRecords/{group.GetProperty("id").GetString()}?$expand=sessions($expand=segments)");

        Assert.Equal(200, status);
        var sessions = record.GetProperty("sessions").EnumerateArray().ToList();
        Assert.True(sessions.Count >= 4);
        Assert.All(sessions, s => Assert.Single(s.GetProperty("segments").EnumerateArray()));
        Assert.All(sessions, s => Assert.Equal("#microsoft.graph.callRecords.participantEndpoint", s.GetProperty("caller").GetProperty("@odata.type").GetString()));
        Assert.True(sessions.Select(s => s.GetProperty("startDateTime").GetString()).Distinct().Count() > 1, "Everyone joined at the same instant.");
        Assert.Equal(group.GetProperty("startDateTime").GetString(), sessions.Min(s => s.GetProperty("startDateTime").GetString()));

        var externals = 0;
        foreach (var call in calls)
        {
            externals += call.GetProperty("participants").EnumerateArray().Any(p => p.GetProperty("user").GetProperty("tenantId").GetString() != Contoso) ? 1 : 0;
        }

        Assert.InRange(externals, 1, calls.Count / 3);
    }

    [Fact]
    public async Task A_record_appears_only_after_the_call_ended_and_reading_it_needs_the_call_records_role()
    {
        await using var sandbox = await GraphFeedTestServer.StartAsync();
        var (calls, _) = await sandbox.ReadAllAsync(Contoso, ListUrl(GraphFeedTestServer.Start.AddDays(-2), GraphFeedTestServer.Start));
        var lastEnded = calls.Max(c => c.GetProperty("endDateTime").GetDateTimeOffset());
        Assert.True(lastEnded <= GraphFeedTestServer.Start);

        sandbox.Clock.Advance(TimeSpan.FromHours(6));
        var (later, _) = await sandbox.ReadAllAsync(Contoso, ListUrl(GraphFeedTestServer.Start.AddDays(-2), GraphFeedTestServer.Start.AddHours(6)));
        Assert.True(later.Count > calls.Count, "No call was published in six working hours.");

        sandbox.Server.Directory.RevokeConsent(Contoso, sandbox.App.ClientId);
        var (status, _, body) = await sandbox.GetAsync(Contoso, "v1.0/communications/callRecords");
        Assert.Equal(403, status);
        Assert.Equal("Authorization_RequestDenied", body.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Two_sandboxes_on_the_same_clock_serve_the_same_calls()
    {
        await using var first = await GraphFeedTestServer.StartAsync();
        await using var second = await GraphFeedTestServer.StartAsync();
        var url = ListUrl(GraphFeedTestServer.Start.AddDays(-5), GraphFeedTestServer.Start);

        var (a, _) = await first.ReadAllAsync(Contoso, url);
        var (b, _) = await second.ReadAllAsync(Contoso, url);
        var id = a[a.Count / 2].GetProperty("id").GetString();
        var detailA = (await first.GetAsync(Contoso, $"v1.0/communications/callRecords/{id}?$expand=sessions")).Body;
        var detailB = (await second.GetAsync(Contoso, $"v1.0/communications/callRecords/{id}?$expand=sessions")).Body;

        Assert.NotEmpty(a);
        Assert.Equal(a.Select(c => c.GetRawText()), b.Select(c => c.GetRawText()));
        Assert.Equal(WithoutContext(detailA), WithoutContext(detailB));
    }

    private static List<string> Ids(IEnumerable<JsonElement> items) => [.. items.Select(i => i.GetProperty("id").GetString()!)];

    private static string WithoutContext(JsonElement record) =>
        string.Join(",", record.EnumerateObject().Where(p => !p.Name.Contains("@odata.context", StringComparison.Ordinal)).Select(p => p.Value.GetRawText()));
}
