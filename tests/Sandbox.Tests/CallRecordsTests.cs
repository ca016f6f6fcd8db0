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
            externals += call.GetProperty("participants").EnumerateArray().Any(p => p.GetProperty("user") is { ValueKind: JsonValueKind.Object } user && user.GetProperty("tenantId").GetString() != Contoso) ? 1 : 0;
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
        Assert.Equal(a.Select(WithoutContext), b.Select(WithoutContext));
        Assert.Equal(WithoutContext(detailA), WithoutContext(detailB));
    }

    [Fact]
    public async Task Records_in_the_current_shape_name_people_only_through_organizer_v2_participants_v2_and_associated_identity()
    {
        await using var sandbox = await GraphFeedTestServer.StartAsync();
        sandbox.Server.CallRecordShape = SandboxCallRecordShape.Current;
        var (calls, _) = await sandbox.ReadAllAsync(Contoso, ListUrl(GraphFeedTestServer.Start.AddDays(-5), GraphFeedTestServer.Start));
        var group = calls.First(c => c.GetProperty("type").GetString() == "groupCall");

        var (status, _, record) = await sandbox.GetAsync(Contoso, $"v1.0/communications/callRecords/{group.GetProperty("id").GetString()}?$expand=participants_v2,sessions($expand=segments)");

        Assert.Equal(200, status);
        Assert.All(calls, c => Assert.False(c.TryGetProperty("organizer", out _) || c.TryGetProperty("participants", out _)));
        Assert.All(calls, c => Assert.Equal(c.GetProperty("organizer_v2").GetProperty("id").GetString(), c.GetProperty("organizer_v2").GetProperty("identity").GetProperty("user").GetProperty("id").GetString()));
        Assert.False(record.TryGetProperty("participants", out _));
        var participants = record.GetProperty("participants_v2").EnumerateArray().ToList();
        Assert.Contains(participants, p => p.GetProperty("id").GetString() == group.GetProperty("organizer_v2").GetProperty("id").GetString());
        var endpoints = record.GetProperty("sessions").EnumerateArray()
            .SelectMany(s => new[] { s.GetProperty("caller"), s.GetProperty("callee") }.Concat(s.GetProperty("segments").EnumerateArray().SelectMany(g => new[] { g.GetProperty("caller"), g.GetProperty("callee") })))
            .Where(e => e.GetProperty("@odata.type").GetString() == "#microsoft.graph.callRecords.participantEndpoint")
            .ToList();
        Assert.NotEmpty(endpoints);
        Assert.All(endpoints, e => Assert.False(e.TryGetProperty("identity", out _)));
        var people = participants.Select(p => p.GetProperty("id").GetString()).ToHashSet();
        Assert.All(endpoints, e => Assert.Contains(e.GetProperty("associatedIdentity").GetProperty("id").GetString(), people));
        var person = endpoints.Select(e => e.GetProperty("associatedIdentity")).First(a => a.TryGetProperty("tenantId", out _));
        Assert.Equal(Contoso, person.GetProperty("tenantId").GetString());
        Assert.EndsWith("@contoso.com", person.GetProperty("userPrincipalName").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Records_in_the_deprecated_shape_carry_no_new_property_and_both_shapes_name_the_same_people()
    {
        await using var sandbox = await GraphFeedTestServer.StartAsync();
        var (calls, _) = await sandbox.ReadAllAsync(Contoso, ListUrl(GraphFeedTestServer.Start.AddDays(-5), GraphFeedTestServer.Start));
        var id = calls.First(c => c.GetProperty("type").GetString() == "groupCall").GetProperty("id").GetString();
        var url = $"v1.0/communications/callRecords/{id}?$expand=participants_v2,sessions";

        var both = (await sandbox.GetAsync(Contoso, url)).Body;
        sandbox.Server.CallRecordShape = SandboxCallRecordShape.Deprecated;
        var deprecated = (await sandbox.GetAsync(Contoso, url)).Body;

        Assert.Equal(
            both.GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("user").GetProperty("id").GetString()),
            both.GetProperty("participants_v2").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal(both.GetProperty("organizer").GetProperty("user").GetProperty("id").GetString(), both.GetProperty("organizer_v2").GetProperty("id").GetString());
        var caller = both.GetProperty("sessions")[0].GetProperty("caller");
        Assert.Equal(caller.GetProperty("identity").GetProperty("user").GetProperty("id").GetString(), caller.GetProperty("associatedIdentity").GetProperty("id").GetString());

        Assert.False(deprecated.TryGetProperty("organizer_v2", out _));
        Assert.Empty(deprecated.GetProperty("participants_v2").EnumerateArray());
        Assert.Equal(both.GetProperty("participants").GetRawText(), deprecated.GetProperty("participants").GetRawText());
        Assert.All(deprecated.GetProperty("sessions").EnumerateArray(), s => Assert.False(s.GetProperty("caller").TryGetProperty("associatedIdentity", out _)));
    }

    [Fact]
    public async Task Some_group_calls_have_a_phone_dialling_in_with_no_user()
    {
        await using var sandbox = await GraphFeedTestServer.StartAsync();
        var (calls, _) = await sandbox.ReadAllAsync(Contoso, ListUrl(GraphFeedTestServer.Start.AddDays(-10), GraphFeedTestServer.Start));
        var withPhone = calls.Where(c => c.GetProperty("participants").EnumerateArray().Any(p => p.GetProperty("user").ValueKind == JsonValueKind.Null)).ToList();
        Assert.InRange(withPhone.Count, 1, calls.Count(c => c.GetProperty("type").GetString() == "groupCall") / 3);

        var (_, _, record) = await sandbox.GetAsync(Contoso, $"v1.0/communications/callRecords/{withPhone[0].GetProperty("id").GetString()}?$expand=participants_v2,sessions");

        var phone = record.GetProperty("participants_v2").EnumerateArray().Single(p => p.GetProperty("identity").GetProperty("user").ValueKind == JsonValueKind.Null);
        var number = phone.GetProperty("identity").GetProperty("phone").GetProperty("id").GetString()!;
        Assert.Matches(@"^\+[1-9][0-9]{7,14}$", number);
        Assert.Equal(number, phone.GetProperty("id").GetString());
        var session = record.GetProperty("sessions").EnumerateArray().Single(s => s.GetProperty("caller").GetProperty("associatedIdentity").GetProperty("id").GetString() == number);
        Assert.False(session.GetProperty("caller").GetProperty("associatedIdentity").TryGetProperty("tenantId", out _));
        Assert.Equal(JsonValueKind.Null, session.GetProperty("caller").GetProperty("identity").GetProperty("user").ValueKind);
        Assert.Equal("#microsoft.graph.callRecords.serviceEndpoint", session.GetProperty("callee").GetProperty("@odata.type").GetString());
    }

    [Fact]
    public async Task A_large_call_pages_participants_v2_by_130_and_sessions_by_60_and_the_deprecated_participants_stop_at_130()
    {
        await using var sandbox = await GraphFeedTestServer.StartAsync();
        var call = LargeCall(140);
        sandbox.Server.PlaceCall(Contoso, call);

        var (_, _, record) = await sandbox.GetAsync(Contoso, $"v1.0/communications/callRecords/{call.Id}?$expand=participants_v2,sessions($expand=segments)");
        var firstParticipants = record.GetProperty("participants_v2").EnumerateArray().ToList();
        var (moreParticipants, participantPages) = await sandbox.ReadAllAsync(Contoso, record.GetProperty("participants_v2@odata.nextLink").GetString()!);
        var firstSessions = record.GetProperty("sessions").EnumerateArray().ToList();
        var (moreSessions, sessionPages) = await sandbox.ReadAllAsync(Contoso, record.GetProperty("sessions@odata.nextLink").GetString()!);
        var (listed, listedPages) = await sandbox.ReadAllAsync(Contoso, $"v1.0/communications/callRecords/{call.Id}/participants_v2", "odata.maxpagesize=50");

        Assert.Equal(130, firstParticipants.Count);
        Assert.Equal([10], participantPages);
        Assert.Equal(call.Participants.Select(p => p.Id), firstParticipants.Concat(moreParticipants).Select(p => p.GetProperty("id").GetString()));
        Assert.Equal([50, 50, 40], listedPages);
        Assert.Equal(call.Participants.Select(p => p.Id), listed.Select(p => p.GetProperty("id").GetString()));
        Assert.Equal(130, record.GetProperty("participants").GetArrayLength());
        Assert.Equal(60, firstSessions.Count);
        Assert.Equal([60, 21], sessionPages);
        Assert.All(moreSessions, s => Assert.Single(s.GetProperty("segments").EnumerateArray()));
        Assert.Equal(call.Sessions.Select(s => s.Start), firstSessions.Concat(moreSessions).Select(s => s.GetProperty("startDateTime").GetDateTimeOffset()));
        var phone = listed.Single(p => p.GetProperty("id").GetString() == "+14255550199");
        Assert.Equal(JsonValueKind.Null, phone.GetProperty("identity").GetProperty("user").ValueKind);

        var (status, _, body) = await sandbox.GetAsync(Contoso, $"v1.0/communications/callRecords/{call.Id}/sessions?$skiptoken=forged");
        Assert.Equal(400, status);
        Assert.Equal("BadRequest", body.GetProperty("error").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData(SandboxOddNextLink.MetadataContext, "/v1.0/$metadata#communications/callRecords(")]
    [InlineData(SandboxOddNextLink.ForeignHost, "https://graph.example.invalid/")]
    [InlineData(SandboxOddNextLink.Relative, "communications/callRecords/")]
    public async Task The_odd_next_link_fault_gives_the_next_record_links_no_client_can_follow(SandboxOddNextLink form, string expected)
    {
        await using var sandbox = await GraphFeedTestServer.StartAsync();
        var call = LargeCall(140);
        sandbox.Server.PlaceCall(Contoso, call);
        sandbox.Server.Faults.OddCallRecordNextLinks(1, form);
        var url = $"v1.0/communications/callRecords/{call.Id}?$expand=participants_v2,sessions";

        var odd = (await sandbox.GetAsync(Contoso, url)).Body;
        var next = (await sandbox.GetAsync(Contoso, url)).Body;

        Assert.Contains(expected, odd.GetProperty("sessions@odata.nextLink").GetString(), StringComparison.Ordinal);
        Assert.Contains(expected, odd.GetProperty("participants_v2@odata.nextLink").GetString(), StringComparison.Ordinal);
        Assert.StartsWith($"{sandbox.Server.HttpBaseAddress}v1.0/communications/callRecords/{call.Id}/sessions?", next.GetProperty("sessions@odata.nextLink").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, sandbox.Server.Faults.OddCallRecordNextLinksRemaining);
    }

    [Fact]
    public async Task The_shape_control_switches_what_records_carry_and_refuses_an_unknown_shape()
    {
        await using var sandbox = await GraphFeedTestServer.StartAsync();
        using var http = new HttpClient { BaseAddress = sandbox.Server.HttpBaseAddress };

        using var current = await http.PostAsync("sandbox/call-records/shape", new StringContent("{\"shape\":\"current\"}", System.Text.Encoding.UTF8, "application/json"));
        using var unknown = await http.PostAsync("sandbox/call-records/shape", new StringContent("{\"shape\":\"newest\"}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(System.Net.HttpStatusCode.OK, current.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(SandboxCallRecordShape.Current, sandbox.Server.CallRecordShape);
        Assert.Equal("{\"shape\":\"current\"}", await http.GetStringAsync("sandbox/call-records/shape"));
    }

    /// <summary>A town hall two days ago: <paramref name="people"/> people of another organisation, a phone, each with one session of their own.</summary>
    private static SandboxPlacedCall LargeCall(int people)
    {
        var start = GraphFeedTestServer.Start.AddDays(-2);
        var fabrikam = SandboxTenants.Fabrikam.TenantId;
        var parties = Enumerable.Range(0, people - 1)
            .Select(i => SandboxCallParty.User($"00000000-0000-0000-0000-{i:D12}", $"Guest {i}", fabrikam))
            .Append(SandboxCallParty.Phone("+14255550199"))
            .ToList();
        var sessions = parties.Select((p, i) => new SandboxCallSession(p, null, start.AddSeconds(i), start.AddMinutes(30)))
            .Append(new SandboxCallSession(parties[0], null, start.AddMinutes(31), start.AddMinutes(40)))
            .ToList();
        return new SandboxPlacedCall(Guid.NewGuid().ToString(), parties[0], parties, sessions, start.AddMinutes(45));
    }

    private static List<string> Ids(IEnumerable<JsonElement> items) => [.. items.Select(i => i.GetProperty("id").GetString()!)];

    private static string WithoutContext(JsonElement record) =>
        string.Join(",", record.EnumerateObject().Where(p => !p.Name.Contains("@odata.context", StringComparison.Ordinal)).Select(p => p.Value.GetRawText()));
}
