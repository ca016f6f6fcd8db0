using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Ingestion;
using WorkSights.Application.Ingestion.Feeds.CallRecords;
using WorkSights.Domain.Activities;
using WorkSights.Domain.Ingestion;

namespace WorkSights.Application.UnitTests.Ingestion.Feeds;

public sealed class CallRecordsImportTests : FeedImportTestBase
{
    private static CallIdentity User(string id, string tenantId = ExternalTenantId) => new(id, id, tenantId);

    private CallSession Session(string userId, int fromMinute, int toMinute, DateTimeOffset start, string? calleeId = null) =>
        new(User(userId), calleeId is null ? null : User(calleeId), start.AddMinutes(fromMinute), start.AddMinutes(toMinute));

    private static TeamsCall Call(string id, DateTimeOffset start, bool group, CallIdentity[] participants, params CallSession[] sessions) =>
        new(id, group ? "groupCall" : "peerToPeer", ["audio"], start, sessions.Max(s => s.End), participants[0], participants, sessions);

    [Fact]
    public async Task Each_participant_is_credited_from_their_first_session_with_the_union_of_their_own_sessions()
    {
        await WorkspaceAsync();
        var start = Now.AddHours(-5);
        Reader.Calls.Add(Call("group-1", start, group: true, [User("oid-ann"), User("oid-bob")],
            Session("oid-ann", 0, 30, start),
            Session("oid-ann", 20, 40, start),
            Session("oid-bob", 5, 15, start),
            Session("oid-bob", 25, 35, start)));
        Reader.Calls.Add(Call("peer-1", start.AddHours(2), group: false, [User("oid-ann"), User("oid-bob")], Session("oid-ann", 0, 12, start.AddHours(2), calleeId: "oid-bob")));

        await SyncCompletedAsync(TenantFeed.CallRecords);

        var activities = await ActivitiesAsync();
        var group = activities.Where(a => a.ExternalId == "group-1").ToDictionary(a => a.PersonId);
        Assert.Equal((start, TimeSpan.FromMinutes(40)), (group[Ann.Id].OccurredAt, group[Ann.Id].CreditedDuration));
        Assert.Equal((start.AddMinutes(5), TimeSpan.FromMinutes(20)), (group[Bob.Id].OccurredAt, group[Bob.Id].CreditedDuration));
        Assert.All(group.Values, a => Assert.Equal((ActivityKind.Call, ActivitySource.Teams, "Group call"), (a.Kind, a.Source, a.Title)));
        var peer = activities.Where(a => a.ExternalId == "peer-1").ToList();
        Assert.Equal(2, peer.Count);
        Assert.All(peer, a => Assert.Equal((TimeSpan.FromMinutes(12), "Teams call", 1), (a.CreditedDuration, a.Title, a.CounterpartCount)));
    }

    [Fact]
    public async Task Counterparts_are_the_other_distinct_participants_and_someone_of_another_tenant_makes_the_call_external()
    {
        await WorkspaceAsync();
        var start = Now.AddHours(-3);
        var guest = new CallIdentity("oid-partner", "Partner", "9d1e0000-0000-4000-8000-000000000001");
        Reader.Calls.Add(Call("with-partner", start, group: true, [User("oid-ann"), User("oid-bob"), guest],
            Session("oid-ann", 0, 30, start), Session("oid-bob", 0, 30, start), Session("oid-ann", 10, 20, start), new CallSession(guest, null, start, start.AddMinutes(30))));
        Reader.Calls.Add(Call("internal", start.AddHours(1), group: false, [User("oid-ann"), User("oid-bob")], Session("oid-ann", 0, 10, start.AddHours(1), calleeId: "oid-bob")));
        Reader.Calls.Add(Call("phone", start.AddHours(2), group: false, [User("oid-ann"), new CallIdentity(null, "+1 425 555 0100", null)],
            new CallSession(User("oid-ann"), new CallIdentity(null, "+1 425 555 0100", null), start.AddHours(2), start.AddHours(2).AddMinutes(5))));

        await SyncCompletedAsync(TenantFeed.CallRecords);

        var activities = await ActivitiesAsync();
        Assert.Equal(
            [("internal", 1, false), ("internal", 1, false), ("phone", 1, true), ("with-partner", 2, true), ("with-partner", 2, true)],
            activities.Select(a => (a.ExternalId, a.CounterpartCount, a.IsExternal)).Order().ToList());
    }

    [Fact]
    public async Task Unknown_and_blocked_people_get_no_activity_but_are_still_counterparts_of_the_same_organisation()
    {
        await WorkspaceAsync();
        var start = Now.AddHours(-3);
        Reader.Calls.Add(Call("call", start, group: true, [User("oid-ann"), User("oid-carl"), User("oid-stranger")],
            Session("oid-ann", 0, 30, start), Session("oid-carl", 0, 30, start), Session("oid-stranger", 0, 30, start)));

        await SyncCompletedAsync(TenantFeed.CallRecords);

        var stored = Assert.Single(await ActivitiesAsync());
        Assert.Equal((Ann.Id, 2, false), (stored.PersonId, stored.CounterpartCount, stored.IsExternal));
    }

    [Fact]
    public async Task The_first_read_backfills_29_days_a_day_at_a_time_and_the_next_starts_a_lookback_before_the_checkpoint()
    {
        await WorkspaceAsync();
        var first = Now;

        await SyncCompletedAsync(TenantFeed.CallRecords);
        Advance(TimeSpan.FromHours(3));
        Reader.Ranges.Clear();
        await SyncCompletedAsync(TenantFeed.CallRecords);

        Assert.Equal([(first - CallRecordsImport.Lookback, first.AddHours(3))], Reader.Ranges);
        Assert.Equal(first - CallRecordsImport.ClockSkewAllowance, Reader.ChangedAfter[^1]);
        Assert.All(Reader.ChangedAfter.Take(29), c => Assert.Null(c));
        var checkpoint = await CheckpointAsync(TenantFeed.CallRecords);
        Assert.Equal(first.AddHours(3), checkpoint.ReadUntil);
        Assert.Equal(TimeSpan.FromHours(10.5), CallRecordsImport.Lookback);
    }

    [Fact]
    public async Task A_failure_mid_backfill_leaves_the_checkpoint_at_the_last_completed_day_and_the_next_read_continues_from_there()
    {
        await WorkspaceAsync();
        var start = Now - TimeSpan.FromDays(29);
        for (var day = 0; day < 29; day++)
        {
            for (var n = 0; n < 3; n++)
            {
                var at = start.AddDays(day).AddHours(1 + n);
                Reader.Calls.Add(Call($"d{day:00}-{n}", at, group: false, [User("oid-ann"), User("oid-bob")], Session("oid-ann", 0, 10, at, calleeId: "oid-bob")));
            }
        }

        // Three pages a day: the outage comes after two pages of the eleventh day were fetched, so its first page is stored.
        Reader.PageSize = 1;
        Reader.FailAfter((3 * 10) + 2, new ProviderUnavailableException("Graph is down."));

        var failed = await SyncAsync(TenantFeed.CallRecords);

        Assert.Equal(SyncOutcome.ProviderUnavailable, failed.Outcome);
        var checkpoint = await CheckpointAsync(TenantFeed.CallRecords);
        Assert.Equal(start.AddDays(10), checkpoint.ReadUntil);
        Assert.Equal(2 * (30 + 1), (await ActivitiesAsync()).Count);
        Assert.Equal(62, checkpoint.ItemsImported);

        Reader.Ranges.Clear();
        await SyncCompletedAsync(TenantFeed.CallRecords);

        Assert.Equal(start.AddDays(10) - CallRecordsImport.Lookback, Reader.Ranges[0].From);
        var activities = await ActivitiesAsync();
        Assert.Equal(2 * 87, activities.Count);
        Assert.Equal(activities.Count, activities.Select(a => (a.ExternalId, a.PersonId)).Distinct().Count());
        Assert.Equal(Now, (await CheckpointAsync(TenantFeed.CallRecords)).ReadUntil);
    }

    [Fact]
    public async Task A_call_published_after_the_last_read_is_found_by_the_lookback_and_re_reading_stores_no_duplicates()
    {
        await WorkspaceAsync();
        var earlier = Now.AddHours(-2);
        Reader.Calls.Add(Call("early", earlier, group: false, [User("oid-ann"), User("oid-bob")], Session("oid-ann", 0, 10, earlier, calleeId: "oid-bob")));
        await SyncCompletedAsync(TenantFeed.CallRecords);

        // A long call that started before that read, published only after it.
        var longCall = Now.AddHours(-1);
        Reader.Calls.Add(Call("late", longCall, group: false, [User("oid-ann"), User("oid-bob")], Session("oid-ann", 0, 150, longCall, calleeId: "oid-bob")));
        Advance(TimeSpan.FromHours(2));
        await SyncCompletedAsync(TenantFeed.CallRecords);
        Advance(TimeSpan.FromHours(1));
        await SyncCompletedAsync(TenantFeed.CallRecords);

        var activities = await ActivitiesAsync();
        Assert.Equal(["early", "early", "late", "late"], activities.Select(a => a.ExternalId).Order().ToList());
        Assert.Equal(TimeSpan.FromMinutes(150), activities.First(a => a.ExternalId == "late").CreditedDuration);
    }

    [Theory]
    [InlineData(new[] { 0, 30, 20, 40 }, 40)]
    [InlineData(new[] { 0, 10, 20, 30 }, 20)]
    [InlineData(new[] { 0, 60, 10, 20, 30, 40 }, 60)]
    [InlineData(new[] { 0, 10, 10, 20 }, 20)]
    [InlineData(new[] { 30, 10 }, 0)]
    public void The_union_of_session_intervals_counts_overlaps_once(int[] minutes, int expected)
    {
        var start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var intervals = minutes.Chunk(2).Select(p => (start.AddMinutes(p[0]), start.AddMinutes(p[1])));

        Assert.Equal(TimeSpan.FromMinutes(expected), CallActivities.UnionLength(intervals));
    }
}
