using Microsoft.Extensions.Logging.Abstractions;
using WorkSights.Application.Ingestion;
using WorkSights.Application.Ingestion.Feeds.CallRecords;
using WorkSights.Domain.Activities;
using WorkSights.Domain.Ingestion;
using WorkSights.Domain.People;
using WorkSights.Infrastructure.Graph;
using WorkSights.Infrastructure.IntegrationTests.Support;
using WorkSights.Sandbox;

namespace WorkSights.Infrastructure.IntegrationTests;

/// <summary>
/// Teams call records in each shape Microsoft serves (the deprecated identity properties, their replacements, or both), with
/// paged participants, a phone dialling in and nextLinks no client can follow, from the sandbox over HTTP to the timeline.
/// </summary>
public sealed class CallRecordShapesTests : FeedSyncTestBase
{
    private const string Phone = "+14255550142";
    private static readonly string OtherOrganisation = SandboxTenants.Contoso.TenantId;

    [Theory]
    [InlineData(SandboxCallRecordShape.Current)]
    [InlineData(SandboxCallRecordShape.Both)]
    [InlineData(SandboxCallRecordShape.Deprecated)]
    public async Task Each_person_is_credited_with_the_union_of_their_own_sessions_and_a_phone_makes_the_call_external_in_every_shape(SandboxCallRecordShape shape)
    {
        var fabrikam = await ProvisionAsync(Fabrikam);
        Sandbox.Server.CallRecordShape = shape;
        var (a, b, c) = await ThreeAsync(fabrikam);
        var start = Clock.GetUtcNow().AddHours(-3);
        var call = new SandboxPlacedCall(
            Guid.NewGuid().ToString(),
            a,
            [a, b, c, SandboxCallParty.Phone(Phone)],
            [
                new(a, null, start, start.AddMinutes(30)),
                new(a, null, start.AddMinutes(20), start.AddMinutes(40)), // a second device, overlapping the first
                new(b, null, start.AddMinutes(5), start.AddMinutes(25)),
                new(SandboxCallParty.Phone(Phone), null, start, start.AddMinutes(15)),
            ],
            start.AddHours(1));
        Sandbox.Server.PlaceCall(Fabrikam.TenantId, call);

        Assert.Equal(SyncOutcome.Completed, (await SyncFeedAsync(fabrikam, TenantFeed.CallRecords)).Outcome);

        var rows = (await ActivityRowsAsync(fabrikam, source: ActivitySource.Teams)).Where(r => r.ExternalId == call.Id).ToList();
        Assert.Equal([(a.Id, TimeSpan.FromMinutes(40)), (b.Id, TimeSpan.FromMinutes(20))], rows.Select(r => (r.PersonExternalId, r.CreditedDuration)).Order().ToList());
        Assert.All(rows, r => Assert.Equal((ActivityKind.Call, 3, true), (r.Kind, r.CounterpartCount, r.IsExternal)));
        Assert.All(rows, r => Assert.Equal(start.AddMinutes(r.PersonExternalId == a.Id ? 0 : 5), r.OccurredAt));
    }

    [Fact]
    public async Task A_call_of_more_than_130_participants_is_read_through_every_page_and_credits_its_people_counting_each_once()
    {
        var fabrikam = await ProvisionAsync(Fabrikam);
        Sandbox.Server.CallRecordShape = SandboxCallRecordShape.Current;
        var (a, b, c) = await ThreeAsync(fabrikam);
        var call = TownHall(Clock.GetUtcNow().AddHours(-5), a, b, c);
        Sandbox.Server.PlaceCall(Fabrikam.TenantId, call);
        Sandbox.Server.RequestLog.Clear();

        Assert.Equal(SyncOutcome.Completed, (await SyncFeedAsync(fabrikam, TenantFeed.CallRecords)).Outcome);

        var rows = (await ActivityRowsAsync(fabrikam, source: ActivitySource.Teams)).Where(r => r.ExternalId == call.Id).ToList();
        var start = call.Sessions[0].Start;
        Assert.Equal(
            [(a.Id, TimeSpan.FromMinutes(50)), (b.Id, TimeSpan.FromMinutes(30)), (c.Id, TimeSpan.FromMinutes(12))],
            rows.Select(r => (r.PersonExternalId, r.CreditedDuration)).Order().ToList());
        var distinct = call.Participants.Select(p => p.Id).Distinct().Count();
        Assert.All(rows, r => Assert.Equal((distinct - 1, true), (r.CounterpartCount, r.IsExternal)));
        var paths = Sandbox.GraphRequests.Select(SandboxGraph.PathOf).ToList();
        Assert.Single(paths, p => p == $"/v1.0/communications/callRecords/{call.Id}/participants_v2");
        Assert.Equal(2, paths.Count(p => p == $"/v1.0/communications/callRecords/{call.Id}/sessions"));
        Assert.Equal(start, rows.Single(r => r.PersonExternalId == a.Id).OccurredAt);
    }

    [Theory]
    [InlineData(SandboxOddNextLink.MetadataContext)]
    [InlineData(SandboxOddNextLink.ForeignHost)]
    [InlineData(SandboxOddNextLink.Relative)]
    public async Task A_record_whose_sessions_continue_at_no_graph_url_is_imported_from_what_was_read_the_rest_of_the_page_too_and_the_problem_logged(SandboxOddNextLink form)
    {
        var fabrikam = await ProvisionAsync(Fabrikam);
        var (a, b, c) = await ThreeAsync(fabrikam);
        var call = TownHall(Clock.GetUtcNow().AddHours(-5), a, b, c);
        Sandbox.Server.PlaceCall(Fabrikam.TenantId, call);
        Sandbox.Faults.OddCallRecordNextLinks(1, form);
        var log = new RecordingLogger<GraphCallRecordReader>();
        Sandbox.Server.RequestLog.Clear();

        var result = await SyncFeedAsync(fabrikam, TenantFeed.CallRecords, new GraphCallRecordReader(Sandbox.Clients, log), Sandbox.SignInReader);

        Assert.Equal(SyncOutcome.Completed, result.Outcome);
        var rows = await ActivityRowsAsync(fabrikam, source: ActivitySource.Teams);
        Assert.Equal([(a.Id, TimeSpan.FromMinutes(30))], rows.Where(r => r.ExternalId == call.Id).Select(r => (r.PersonExternalId, r.CreditedDuration)).ToList());
        Assert.Contains(log.Warnings, w => w.Contains(call.Id, StringComparison.Ordinal) && w.Contains("sessions is not a Microsoft Graph URL", StringComparison.Ordinal));
        Assert.Contains(log.Warnings, w => w.Contains(call.Id, StringComparison.Ordinal) && w.Contains("participants_v2 is not a Microsoft Graph URL", StringComparison.Ordinal));
        Assert.DoesNotContain(Sandbox.GraphRequests, r => r.PathAndQuery.Contains("$metadata", StringComparison.Ordinal) || SandboxGraph.PathOf(r).EndsWith("/sessions", StringComparison.Ordinal));

        var people = (await WorkersAsync(fabrikam, 100)).Select(p => p.ExternalId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var now = Clock.GetUtcNow();
        var others = (await new SandboxFeeds(Sandbox).CallsAsync(Fabrikam.TenantId, now - CallRecordsImport.Backfill, now))
            .Where(x => x.Id != call.Id).SelectMany(x => x.UsersWithSessions.Where(people.Contains).Select(u => (u, x.Id))).Order().ToList();
        Assert.NotEmpty(others);
        Assert.Equal(others, rows.Where(r => r.ExternalId != call.Id).Select(r => (r.PersonExternalId, r.ExternalId)).Order().ToList());
    }

    [Fact]
    public void A_record_without_a_start_or_an_end_is_skipped_and_logged_never_dated_year_one()
    {
        var log = new RecordingLogger<GraphCallRecordReader>();
        var start = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        var noEnd = Record("no-end", start, null);
        var noStart = Record("no-start", null, start);

        Assert.Null(GraphCallRecordReader.ToCall("no-end", noEnd, [], [], log));
        Assert.Null(GraphCallRecordReader.ToCall("no-start", noStart, [], [], log));
        Assert.Equal(2, log.Warnings.Count(w => w.Contains("no start or end time", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_record_in_the_documented_shape_names_a_phone_organizer_and_each_participant_once_even_when_two_share_a_participant_id()
    {
        var json = """
            {
              "id": "b5f1c1a4-0000-4000-8000-000000000001", "type": "groupCall", "modalities": ["audio"],
              "startDateTime": "2026-11-02T09:00:00Z", "endDateTime": "2026-11-02T09:40:00Z",
              "organizer_v2": { "id": "+14255550142", "identity": { "user": null, "phone": { "id": "+14255550142", "displayName": null } } },
              "participants_v2": [
                { "id": "11111111-0000-4000-8000-000000000001", "identity": { "user": { "id": "11111111-0000-4000-8000-000000000001", "displayName": "Ada", "tenantId": "t1" } } },
                { "id": "11111111-0000-4000-8000-000000000001", "identity": { "user": { "id": "22222222-0000-4000-8000-000000000002", "displayName": "Bo", "tenantId": "t1" } } },
                { "id": "11111111-0000-4000-8000-000000000001", "identity": { "user": { "id": "11111111-0000-4000-8000-000000000001", "displayName": "Ada", "tenantId": "t1" } } },
                { "id": "+14255550142", "identity": { "user": null, "phone": { "id": "+14255550142" } } }
              ],
              "sessions": [
                { "startDateTime": "2026-11-02T09:00:00Z", "endDateTime": "2026-11-02T09:30:00Z",
                  "caller": { "@odata.type": "#microsoft.graph.callRecords.participantEndpoint", "associatedIdentity": { "id": "22222222-0000-4000-8000-000000000002", "displayName": "Bo", "tenantId": "t1", "userPrincipalName": "bo@example.com" } },
                  "callee": { "@odata.type": "#microsoft.graph.callRecords.participantEndpoint", "associatedIdentity": { "id": "+14255550142", "displayName": null } } }
              ]
            }
            """;
        var record = System.Text.Json.JsonSerializer.Deserialize(json, GraphCallRecordJson.Default.GraphCallRecord)!;

        var call = GraphCallRecordReader.ToCall(record.Id!, record, record.ParticipantsV2!, record.Sessions!, NullLogger.Instance)!;

        Assert.Equal(new CallIdentity(null, Phone, null), call.Organizer);
        Assert.Equal(["11111111-0000-4000-8000-000000000001", "22222222-0000-4000-8000-000000000002", null], call.Participants.Select(p => p.UserId));
        var session = Assert.Single(call.Sessions);
        Assert.Equal(("22222222-0000-4000-8000-000000000002", "t1"), (session.Caller!.UserId, session.Caller.TenantId));
        Assert.Equal(new CallIdentity(null, Phone, null), session.Callee);
    }

    [Fact]
    public void Messages_events_and_sign_ins_without_an_id_or_their_times_are_skipped()
    {
        var at = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        var slot = new GraphDateTimeZone("2026-11-02T09:00:00.0000000", "UTC");

        Assert.NotNull(GraphMailboxReader.ToSentMail(Message("m1", at)));
        Assert.Null(GraphMailboxReader.ToSentMail(Message(null, at)));
        Assert.Null(GraphMailboxReader.ToSentMail(Message("m2", null)));
        Assert.NotNull(GraphMailboxReader.ToCalendarEntry(Event("e1", slot, slot)));
        Assert.Null(GraphMailboxReader.ToCalendarEntry(Event(null, slot, slot)));
        Assert.Null(GraphMailboxReader.ToCalendarEntry(Event("e2", null, slot)));
        Assert.Null(GraphMailboxReader.ToCalendarEntry(Event("e3", slot, new GraphDateTimeZone("not a time", "UTC"))));
        Assert.NotNull(GraphSignInReader.ToEvent(new Microsoft.Graph.Models.SignIn { Id = "s1", CreatedDateTime = at }));
        Assert.Null(GraphSignInReader.ToEvent(new Microsoft.Graph.Models.SignIn { Id = "s2" }));
        Assert.Null(GraphSignInReader.ToEvent(new Microsoft.Graph.Models.SignIn { CreatedDateTime = at }));
    }

    private async Task<(SandboxCallParty A, SandboxCallParty B, SandboxCallParty C)> ThreeAsync(Workspace workspace)
    {
        var people = await WorkersAsync(workspace, 3);
        return (Party(people[0]), Party(people[1]), Party(people[2]));
    }

    private static SandboxCallParty Party(Person person) => SandboxCallParty.User(person.ExternalId, person.DisplayName, Fabrikam.TenantId, person.Email);

    /// <summary>
    /// 135 people of another organisation, <paramref name="a"/> twice in the list (as the reference's example repeats an
    /// entry), <paramref name="b"/> and <paramref name="c"/> on the second page of participants and a phone: 140 entries, 139
    /// people. Sessions: a 30 minutes on the first page of sessions and 20 more on the third, b 30 minutes and c 12 on the third.
    /// </summary>
    private static SandboxPlacedCall TownHall(DateTimeOffset start, SandboxCallParty a, SandboxCallParty b, SandboxCallParty c)
    {
        var guests = Enumerable.Range(0, 135).Select(i => SandboxCallParty.User($"00000000-0000-4000-8000-{i:D12}", $"Guest {i}", OtherOrganisation)).ToList();
        List<SandboxCallParty> participants = [a, .. guests, a, b, c, SandboxCallParty.Phone(Phone)];
        List<SandboxCallSession> sessions =
        [
            new(a, null, start, start.AddMinutes(30)),
            .. guests.Select((g, i) => new SandboxCallSession(g, null, start.AddSeconds(i), start.AddMinutes(45))),
            new(SandboxCallParty.Phone(Phone), null, start, start.AddMinutes(10)),
            new(a, null, start.AddMinutes(40), start.AddMinutes(60)),
            new(b, null, start.AddMinutes(10), start.AddMinutes(40)),
            new(c, null, start.AddMinutes(1), start.AddMinutes(13)),
        ];
        return new SandboxPlacedCall(Guid.NewGuid().ToString(), a, participants, sessions, start.AddMinutes(70));
    }

    private static GraphCallRecord Record(string id, DateTimeOffset? start, DateTimeOffset? end) =>
        new(id, "groupCall", ["audio"], start, end, null, null, null, null, null, null, null, null);

    private static GraphMessage Message(string? id, DateTimeOffset? sent) => new(id, null, "Hello", sent, null, [], [], [], false);

    private static GraphEvent Event(string? id, GraphDateTimeZone? start, GraphDateTimeZone? end) =>
        new(id, null, "Review", start, end, false, false, true, null, [], null);
}
