using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Ingestion;
using WorkSights.Application.Ingestion.Feeds.CallRecords;
using WorkSights.Application.Ingestion.Feeds.SignIns;
using WorkSights.Domain.Activities;
using WorkSights.Domain.Ingestion;
using WorkSights.Domain.Tenants;
using WorkSights.Infrastructure.Graph;
using WorkSights.Infrastructure.IntegrationTests.Support;

namespace WorkSights.Infrastructure.IntegrationTests;

/// <summary>Teams calls and sign-ins, from the sandbox over HTTP through the Graph SDK to the timeline.</summary>
public sealed class GraphFeedsSyncTests : FeedSyncTestBase
{
    private SandboxFeeds Feeds => new(Sandbox);

    [Fact]
    public async Task A_backfill_then_an_incremental_sync_store_every_call_participant_and_successful_sign_in_exactly_once()
    {
        var fabrikam = await ProvisionAsync(Fabrikam);
        var backfillAt = Clock.GetUtcNow();
        Sandbox.Server.RequestLog.Clear();

        await SyncFeedsCompletedAsync(fabrikam);

        var signInReads = FeedRequests.Where(r => SandboxGraph.PathOf(r) == "/v1.0/auditLogs/signIns").ToList();
        Assert.Equal(5, signInReads.Count); // a week at a time, each week in one page
        Assert.All(signInReads, r => Assert.Equal("1000", SandboxGraph.QueryOf(r)["$top"]));
        Assert.Equal(backfillAt, (await FeedCheckpointAsync(fabrikam, TenantFeed.CallRecords))!.ReadUntil);
        Assert.Equal(backfillAt, (await FeedCheckpointAsync(fabrikam, TenantFeed.SignIns))!.ReadUntil);
        await AssertFeedRowsAsync(fabrikam, backfillAt - CallRecordsImport.Backfill, backfillAt);

        Clock.Advance(TimeSpan.FromHours(30));
        Sandbox.Server.RequestLog.Clear();
        await SyncFeedsCompletedAsync(fabrikam);
        var incremental = FeedRequests;

        // Of the records re-listed by the lookback, only those published since the last read are read again in full.
        var lookedBack = (await Feeds.CallsAsync(Fabrikam.TenantId, backfillAt - CallRecordsImport.Lookback, backfillAt)).ToDictionary(c => c.Id);
        Assert.Contains(lookedBack.Values, c => c.LastModified <= backfillAt - CallRecordsImport.ClockSkewAllowance);
        var reread = incremental.Select(SandboxGraph.PathOf).Where(p => p.StartsWith("/v1.0/communications/callRecords/", StringComparison.Ordinal))
            .Select(p => p[(p.LastIndexOf('/') + 1)..]).Where(lookedBack.ContainsKey).Order().ToList();
        Assert.Equal(lookedBack.Values.Where(c => c.LastModified > backfillAt - CallRecordsImport.ClockSkewAllowance).Select(c => c.Id).Order().ToList(), reread);
        await SyncFeedsCompletedAsync(fabrikam);

        var firstCallList = incremental.First(r => SandboxGraph.PathOf(r) == "/v1.0/communications/callRecords");
        Assert.StartsWith($"startDateTime ge {SandboxMailbox.GraphTime(backfillAt - CallRecordsImport.Lookback)}", SandboxGraph.QueryOf(firstCallList)["$filter"], StringComparison.Ordinal);
        var firstSignIns = incremental.First(r => SandboxGraph.PathOf(r) == "/v1.0/auditLogs/signIns");
        Assert.StartsWith($"createdDateTime ge {SandboxMailbox.GraphTime(backfillAt - SignInsImport.Lookback)}", SandboxGraph.QueryOf(firstSignIns)["$filter"], StringComparison.Ordinal);
        await AssertFeedRowsAsync(fabrikam, backfillAt - CallRecordsImport.Backfill, Clock.GetUtcNow());
    }

    [Fact]
    public async Task With_calls_and_logins_switched_off_nothing_is_asked_of_their_endpoints()
    {
        var fabrikam = await ProvisionAsync(Fabrikam);
        await UpdateServiceAsync(fabrikam, s =>
        {
            s.SetFeature(ServiceFeature.Calls, false);
            s.SetFeature(ServiceFeature.Logins, false);
        });
        Sandbox.Server.RequestLog.Clear();

        Assert.Equal(SyncResult.Skip(), await SyncFeedAsync(fabrikam, TenantFeed.CallRecords));
        Assert.Equal(SyncResult.Skip(), await SyncFeedAsync(fabrikam, TenantFeed.SignIns));
        var person = (await WorkersAsync(fabrikam, 1)).Single();
        await SyncCompletedAsync(fabrikam, person, ServiceFeature.Email);

        Assert.NotEmpty(Sandbox.GraphRequests);
        Assert.Empty(FeedRequests);
        Assert.Empty(await ActivityRowsAsync(fabrikam, source: ActivitySource.Teams));
    }

    [Fact]
    public async Task A_tenant_without_entra_premium_gets_a_sign_ins_problem_while_consent_stands_and_calls_and_mail_keep_syncing()
    {
        var fabrikam = await ProvisionAsync(Fabrikam);
        Sandbox.Directory.SetEntraPremium(Fabrikam.TenantId, false);

        var signIns = await SyncFeedAsync(fabrikam, TenantFeed.SignIns);

        Assert.Equal((SyncOutcome.ProviderUnavailable, "Sign-ins need Microsoft Entra ID P1 or P2."), (signIns.Outcome, signIns.Problem));
        Assert.Equal(TenantStatus.Active, (await TenantAsync(fabrikam.TenantId)).Status);
        Assert.Equal(SyncOutcome.Completed, (await SyncFeedAsync(fabrikam, TenantFeed.CallRecords)).Outcome);
        var person = (await WorkersAsync(fabrikam, 1)).Single();
        await SyncCompletedAsync(fabrikam, person, ServiceFeature.Email);
        Assert.NotEmpty(await ActivityRowsAsync(fabrikam, person, ActivitySource.Outlook));
        Assert.NotEmpty(await ActivityRowsAsync(fabrikam, source: ActivitySource.Teams));
        Assert.Empty(await ActivityRowsAsync(fabrikam, source: ActivitySource.EntraId));
        Assert.Equal(ConnectionStatus.Connected, (await ServiceViewAsync(fabrikam)).Status);
    }

    [Fact]
    public async Task Revoked_consent_stops_the_feeds_as_consent_revoked_and_nothing_more_is_sent()
    {
        var fabrikam = await ProvisionAsync(Fabrikam);
        Sandbox.Directory.RevokeConsent(Fabrikam.TenantId, Sandbox.ClientId);

        var result = await SyncFeedAsync(fabrikam, TenantFeed.SignIns);

        Assert.Equal(SyncOutcome.ConsentRevoked, result.Outcome);
        Assert.Equal(TenantStatus.ConsentRevoked, (await TenantAsync(fabrikam.TenantId)).Status);
        Sandbox.Server.RequestLog.Clear();
        Assert.Equal(SyncResult.Skip(), await SyncFeedAsync(fabrikam, TenantFeed.CallRecords));
        Assert.Empty(Sandbox.Requests);
    }

    [Fact]
    public async Task The_feeds_ask_only_for_call_records_with_their_sessions_and_for_sign_ins_never_for_anything_content_like()
    {
        var fabrikam = await ProvisionAsync(Fabrikam);
        Sandbox.Server.RequestLog.Clear();

        await SyncFeedsCompletedAsync(fabrikam);

        var requests = Sandbox.GraphRequests;
        Assert.NotEmpty(requests);
        Assert.All(requests, r => Assert.Matches(@"^/v1\.0/(communications/callRecords(/[0-9a-f-]{36})?|auditLogs/signIns|\$batch)$", SandboxGraph.PathOf(r)));
        Assert.All(requests.Where(r => SandboxGraph.PathOf(r).Length > "/v1.0/communications/callRecords/".Length),
            r => Assert.Equal(GraphCallRecordReader.RecordExpansion, SandboxGraph.QueryOf(r)["$expand"]));
        string[] contentLike = ["body", "attachment", "content", "$value", "message", "recording", "transcript", "chat"];
        Assert.All(requests, r => Assert.DoesNotContain(contentLike, word => r.PathAndQuery.Contains(word, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task Call_records_are_read_twenty_to_a_batch_and_only_the_items_Graph_throttled_are_sent_again()
    {
        var fabrikam = await ProvisionAsync(Fabrikam);
        Sandbox.Server.RequestLog.Clear();
        Sandbox.Faults.ThrottleBatchItems(3, 1);

        var result = await SyncFeedAsync(fabrikam, TenantFeed.CallRecords);

        Assert.Equal(SyncOutcome.Completed, result.Outcome);
        var reads = Sandbox.GraphRequests.Where(r => SandboxGraph.PathOf(r).StartsWith("/v1.0/communications/callRecords/", StringComparison.Ordinal)).ToList();
        var byRecord = reads.GroupBy(r => SandboxGraph.PathOf(r)).ToList();
        var throttled = byRecord.Where(g => g.Any(r => r.StatusCode == 429)).ToList();
        Assert.Equal(3, throttled.Count);
        Assert.All(throttled, g => Assert.Equal([429, 200], g.Select(r => r.StatusCode)));
        Assert.All(byRecord.Except(throttled), g => Assert.Equal([200], g.Select(r => r.StatusCode)));
        var batches = Sandbox.GraphRequests.Count(r => SandboxGraph.PathOf(r) == "/v1.0/$batch");
        Assert.True(batches > (byRecord.Count + 19) / 20, $"{batches} batches for {byRecord.Count} records: the resend needs one more.");
        Assert.True(batches * 2 < byRecord.Count, $"{batches} batches for {byRecord.Count} records.");
    }

    /// <summary>Stored calls and sign-ins are exactly what the sandbox serves for the workspace's people in the window.</summary>
    private async Task AssertFeedRowsAsync(Workspace workspace, DateTimeOffset from, DateTimeOffset to)
    {
        var tenantId = workspace.Organisation.TenantId;
        var people = (await InScopeAsync(workspace, db => db.People.AsNoTracking().ToListAsync()))
            .Select(p => p.ExternalId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var calls = await Feeds.CallsAsync(tenantId, from, to);
        var signIns = await Feeds.SuccessfulSignInsAsync(tenantId, from, to);
        Assert.True(calls.Count > 50 && calls.Any(c => c.HasOtherTenant), $"{calls.Count} calls.");

        var callRows = await ActivityRowsAsync(workspace, source: ActivitySource.Teams);
        var expectedCalls = calls.SelectMany(c => c.UsersWithSessions.Where(people.Contains).Select(u => (u, c.Id))).Order().ToList();
        Assert.Equal(expectedCalls, callRows.Select(r => (r.PersonExternalId, r.ExternalId)).Order().ToList());
        var byId = calls.ToDictionary(c => c.Id);
        Assert.All(callRows, r =>
        {
            Assert.Equal(ActivityKind.Call, r.Kind);
            Assert.Equal(byId[r.ExternalId].HasOtherTenant, r.IsExternal);
            Assert.InRange(r.CreditedDuration, TimeSpan.FromSeconds(1), byId[r.ExternalId].Length);
        });
        Assert.Contains(callRows, r => r.CreditedDuration < byId[r.ExternalId].Length);

        var signInRows = await ActivityRowsAsync(workspace, source: ActivitySource.EntraId);
        Assert.Equal(signIns.Where(s => people.Contains(s.UserId)).Order().ToList(), signInRows.Select(r => (r.PersonExternalId, r.ExternalId)).Order().ToList());
        var located = await InScopeAsync(workspace, db => db.Activities.AsNoTracking().Where(a => a.Source == ActivitySource.EntraId).ToListAsync());
        Assert.All(located, a => Assert.True(a.Location is { HasCoordinates: true } && a.ClientIp is not null));
        Assert.True(located.Select(a => a.Location!.City).Distinct().Count() >= 2);
    }
}
