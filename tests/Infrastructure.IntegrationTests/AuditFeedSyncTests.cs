using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Ingestion;
using WorkSights.Application.Ingestion.Feeds.AuditLog;
using WorkSights.Application.Ingestion.SyncFeed;
using WorkSights.Domain.Activities;
using WorkSights.Domain.Ingestion;
using WorkSights.Infrastructure.AuditFeed;
using WorkSights.Infrastructure.IntegrationTests.Support;
using WorkSights.Infrastructure.Tenancy;
using WorkSights.Sandbox;

namespace WorkSights.Infrastructure.IntegrationTests;

/// <summary>The audit feed end to end: the real import, the real adapter (MSAL, typed HttpClient) and the sandbox's Management Activity API.</summary>
public sealed class AuditFeedSyncTests : MailboxSyncTestBase
{
    private static readonly TenantFeed[] AuditFeeds = [TenantFeed.AuditSharePoint, TenantFeed.AuditGeneral, TenantFeed.AuditExchange, TenantFeed.AuditAzureActiveDirectory];

    [Fact]
    public async Task Subscribes_then_imports_every_kind_reading_only_the_feed_in_windows_of_at_most_a_day_within_seven_days()
    {
        var fabrikam = await ProvisionAsync(Fabrikam);
        Sandbox.Server.RequestLog.Clear();

        await SyncAuditAsync(fabrikam);
        Assert.Equal(4, Sandbox.Server.AuditLog.Subscriptions(Fabrikam.TenantId).Count(s => s.Status == "enabled"));
        Clock.Advance(TimeSpan.FromDays(2));
        await SyncAuditAsync(fabrikam);

        var rows = await ActivityRowsAsync(fabrikam);
        Assert.Contains(rows, r => (r.Kind, r.Source) == (ActivityKind.FileAction, ActivitySource.SharePoint));
        Assert.Contains(rows, r => (r.Kind, r.Source) == (ActivityKind.FileAction, ActivitySource.OneDrive));
        Assert.Contains(rows, r => (r.Kind, r.Source) == (ActivityKind.ChatMessage, ActivitySource.Teams));
        Assert.Contains(rows, r => (r.Kind, r.Source, r.IsScored) == (ActivityKind.MailboxAccess, ActivitySource.Exchange, false));
        Assert.Contains(rows, r => (r.Kind, r.Source) == (ActivityKind.SignIn, ActivitySource.EntraId));
        Assert.All(rows.Where(r => r.Kind == ActivityKind.FileAction), r => Assert.DoesNotContain("http", r.Title ?? string.Empty, StringComparison.OrdinalIgnoreCase));

        var listings = Sandbox.AuditFeedRequests.Where(e => SandboxGraph.PathOf(e).EndsWith("/subscriptions/content", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(listings);
        foreach (var listing in listings)
        {
            var query = SandboxGraph.QueryOf(listing);
            var (start, end) = (Parse(query["startTime"]), Parse(query["endTime"]));
            Assert.InRange(end - start, TimeSpan.FromSeconds(1), TimeSpan.FromHours(24));
            Assert.True(start >= listing.TimestampUtc - TimeSpan.FromDays(7), $"{listing.PathAndQuery} at {listing.TimestampUtc:O}");
            Assert.Equal(200, listing.StatusCode);
        }

        var feedPrefix = $"/api/v1.0/{Fabrikam.TenantId}/activity/feed/";
        Assert.All(Sandbox.Requests.Where(e => !e.PathAndQuery.Contains("/oauth2/", StringComparison.Ordinal)), e => Assert.StartsWith(feedPrefix, e.PathAndQuery, StringComparison.Ordinal));
        Assert.Contains(Sandbox.Requests, e => e.PathAndQuery.StartsWith(feedPrefix + "audit/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Records_delivered_in_two_blobs_are_stored_once_and_incremental_runs_add_no_duplicates()
    {
        var fabrikam = await ProvisionAsync(Fabrikam);
        await SyncAuditAsync(fabrikam);
        Clock.Advance(TimeSpan.FromDays(2));
        await SyncAuditAsync(fabrikam);
        var repeated = await RecordsInMoreThanOneBlobAsync(TenantFeed.AuditGeneral, Clock.GetUtcNow().AddDays(-2), Clock.GetUtcNow());
        Assert.NotEmpty(repeated);
        var rows = await ActivityRowsAsync(fabrikam);
        Assert.All(repeated, id => Assert.Single(rows, r => r.ExternalId == id));

        await SyncAuditAsync(fabrikam);
        Assert.Equal(rows, await ActivityRowsAsync(fabrikam));

        Clock.Advance(TimeSpan.FromHours(8));
        await SyncAuditAsync(fabrikam);
        var later = await ActivityRowsAsync(fabrikam);
        Assert.True(later.Count > rows.Count, "Eight working hours brought nothing new.");
        Assert.Equal(later.Count, later.Select(r => (r.Source, r.ExternalId)).Distinct().Count());
        Assert.Empty(rows.Except(later));
    }

    [Fact]
    public async Task Syncs_killed_at_random_points_and_resumed_end_with_exactly_the_rows_of_uninterrupted_syncs()
    {
        var reference = await ProvisionAsync(Fabrikam);
        using var crashedDatabase = new TestDatabase();
        var crashed = await ProvisionAsync(crashedDatabase, Fabrikam);
        var random = new Random(20261127);
        await SyncAuditAsync(reference);
        await SyncAuditAsync(crashed);

        Clock.Advance(TimeSpan.FromDays(2));
        await SyncAuditAsync(reference);
        var backfillCrashes = await SyncWithCrashesAsync(crashed, random, maxBlobs: 40, maxCommands: 40);
        var expected = await ActivityRowsAsync(reference);
        Assert.True(expected.Count > 300, $"Only {expected.Count} activities.");
        AssertSameRows(expected, await ActivityRowsAsync(crashed));

        Clock.Advance(TimeSpan.FromHours(20));
        await SyncAuditAsync(reference);
        var incrementalCrashes = await SyncWithCrashesAsync(crashed, random, maxBlobs: 10, maxCommands: 20);
        var afterIncremental = await ActivityRowsAsync(reference);
        Assert.NotEqual(expected, afterIncremental);
        AssertSameRows(afterIncremental, await ActivityRowsAsync(crashed));
        Assert.True(backfillCrashes + incrementalCrashes >= 12, $"Only {backfillCrashes} + {incrementalCrashes} crashes.");
    }

    [Fact]
    public async Task Audit_log_off_shows_on_the_service_while_mail_keeps_syncing_and_once_on_the_feed_subscribes_and_imports()
    {
        var fabrikam = await ProvisionAsync(Fabrikam);
        var person = (await WorkersAsync(fabrikam, 1)).Single();
        Sandbox.Server.AuditLog.SetEnabled(Fabrikam.TenantId, false);

        var off = await SyncFeedAsync(fabrikam, TenantFeed.AuditSharePoint);
        await SyncCompletedAsync(fabrikam, person, ServiceFeature.Email);

        Assert.Equal(SyncOutcome.AuditLogNotEnabled, off.Outcome);
        Assert.Equal(ConnectionStatus.AuditLogNotEnabled, (await ServiceViewAsync(fabrikam)).Status);
        Assert.Contains(await ActivityRowsAsync(fabrikam), r => r.Source == ActivitySource.Outlook);
        Assert.False((await FeedCheckpointAsync(fabrikam, TenantFeed.AuditSharePoint)).IsSubscribed);

        Sandbox.Server.AuditLog.SetEnabled(Fabrikam.TenantId, true);
        Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(SyncOutcome.Completed, (await SyncFeedAsync(fabrikam, TenantFeed.AuditSharePoint)).Outcome);
        Assert.True((await FeedCheckpointAsync(fabrikam, TenantFeed.AuditSharePoint)).IsSubscribed);
        Assert.NotEqual(ConnectionStatus.AuditLogNotEnabled, (await ServiceViewAsync(fabrikam)).Status);
        Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(SyncOutcome.Completed, (await SyncFeedAsync(fabrikam, TenantFeed.AuditSharePoint)).Outcome);
        Assert.Contains(await ActivityRowsAsync(fabrikam), r => r.Kind == ActivityKind.FileAction);
    }

    [Fact]
    public async Task Files_and_chat_turned_off_list_nothing_of_their_content_types()
    {
        var fabrikam = await ProvisionAsync(Fabrikam);
        await UpdateServiceAsync(fabrikam, service =>
        {
            service.SetFeature(ServiceFeature.Files, false);
            service.SetFeature(ServiceFeature.Chat, false);
        });
        Sandbox.Server.RequestLog.Clear();

        foreach (var feed in AuditFeeds)
        {
            await SyncFeedAsync(fabrikam, feed);
        }

        var contentTypes = Sandbox.AuditFeedRequests.Select(e => SandboxGraph.QueryOf(e).GetValueOrDefault("contentType")).ToHashSet();
        Assert.Equal(new HashSet<string?> { "Audit.Exchange", "Audit.AzureActiveDirectory" }, contentTypes);
    }

    [Fact]
    public async Task A_short_Retry_After_is_waited_out_in_process_and_a_long_one_parks_the_feed_without_requests_until_then()
    {
        var fabrikam = await ProvisionAsync(Fabrikam);
        await SyncFeedAsync(fabrikam, TenantFeed.AuditAzureActiveDirectory);
        Clock.Advance(TimeSpan.FromHours(6));
        Sandbox.Faults.Throttle(1, 2);
        Sandbox.Server.RequestLog.Clear();

        Assert.Equal(SyncOutcome.Completed, (await SyncThroughThrottleAsync(fabrikam, TenantFeed.AuditAzureActiveDirectory)).Outcome);

        var (refused, retried) = (Sandbox.AuditFeedRequests[0], Sandbox.AuditFeedRequests[1]);
        Assert.Equal([429, 200], [refused.StatusCode, retried.StatusCode]);
        Assert.True(retried.TimestampUtc - refused.TimestampUtc >= TimeSpan.FromSeconds(2), $"Retried after {retried.TimestampUtc - refused.TimestampUtc}.");

        Clock.Advance(TimeSpan.FromHours(1));
        var throttledAt = Clock.GetUtcNow();
        Sandbox.Faults.Throttle(50, 600);
        Sandbox.Server.RequestLog.Clear();
        var parked = await SyncFeedAsync(fabrikam, TenantFeed.AuditAzureActiveDirectory);

        Assert.Equal((SyncOutcome.Parked, throttledAt.AddSeconds(600)), (parked.Outcome, parked.NotBefore));
        Assert.Equal(429, Assert.Single(Sandbox.AuditFeedRequests).StatusCode);
        Clock.Advance(TimeSpan.FromSeconds(599));
        Sandbox.Server.RequestLog.Clear();
        Assert.Equal(SyncOutcome.Parked, (await SyncFeedAsync(fabrikam, TenantFeed.AuditAzureActiveDirectory)).Outcome);
        Assert.Empty(Sandbox.Requests);

        Sandbox.Faults.Reset();
        Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(SyncOutcome.Completed, (await SyncFeedAsync(fabrikam, TenantFeed.AuditAzureActiveDirectory)).Outcome);
    }

    [Fact]
    public async Task A_fractional_Retry_After_is_waited_out_in_full_on_the_app_clock_before_the_one_retry()
    {
        var fabrikam = await ProvisionAsync(Fabrikam);
        await SyncFeedAsync(fabrikam, TenantFeed.AuditExchange);
        Clock.Advance(TimeSpan.FromHours(6));
        var readerClock = new TimerWatchingClock(Clock);
        await using var readerServices = AuditReaderServices(readerClock);
        Sandbox.Faults.Throttle(1, 2.128);
        Sandbox.Server.RequestLog.Clear();

        var sync = SyncFeedAsync(fabrikam, TenantFeed.AuditExchange, readerServices.GetRequiredService<IAuditFeedReader>());
        var wait = await readerClock.NextTimerAsync();
        Assert.True(wait >= TimeSpan.FromSeconds(2.128), $"The reader waits {wait.TotalSeconds} s after a Retry-After of 2.128 s.");
        Clock.Advance(wait);

        Assert.Equal(SyncOutcome.Completed, (await sync).Outcome);
        var (refused, retried) = (Sandbox.AuditFeedRequests[0], Sandbox.AuditFeedRequests[1]);
        Assert.Equal((429, "2.128"), (refused.StatusCode, refused.RetryAfter));
        Assert.Equal((200, refused.PathAndQuery), (retried.StatusCode, retried.PathAndQuery));
        Assert.Equal(wait, retried.TimestampUtc - refused.TimestampUtc);
        Assert.Single(Sandbox.AuditFeedRequests, e => e.StatusCode == 429);
    }

    [Fact]
    public async Task Revoked_permissions_and_a_deleted_service_principal_mark_the_consent_revoked()
    {
        var fabrikam = await ProvisionAsync(Fabrikam);
        using var otherDatabase = new TestDatabase();
        var other = await ProvisionAsync(otherDatabase, Fabrikam);
        Sandbox.Directory.RevokeConsent(Fabrikam.TenantId, Sandbox.ClientId);

        var revoked = await SyncFeedAsync(fabrikam, TenantFeed.AuditExchange);

        Assert.Equal(SyncOutcome.ConsentRevoked, revoked.Outcome);
        Assert.Equal(ConnectionStatus.ConsentRevoked, (await ServiceViewAsync(fabrikam)).Status);
        Assert.Contains(Sandbox.AuditFeedRequests, e => e.StatusCode == 403);

        Sandbox.Directory.DeleteServicePrincipal(Fabrikam.TenantId, Sandbox.ClientId);
        Assert.Equal(SyncOutcome.ConsentRevoked, (await SyncFeedAsync(other, TenantFeed.AuditExchange)).Outcome);
    }

    private static DateTimeOffset Parse(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private async Task SyncAuditAsync(Workspace workspace)
    {
        foreach (var feed in AuditFeeds)
        {
            var result = await SyncFeedAsync(workspace, feed);
            Assert.True(result.Outcome == SyncOutcome.Completed, $"{feed}: {result}");
        }
    }

    private async Task<SyncResult> SyncFeedAsync(Workspace workspace, TenantFeed feed, IAuditFeedReader? reader = null, params IInterceptor[] interceptors)
    {
        var tenantContext = new TenantContext();
        await using var db = workspace.Database.NewContext(tenantContext, interceptors);
        var handler = new SyncFeedCommandHandler(db, tenantContext, [new AuditFeedImport(reader ?? Sandbox.AuditReader)], AppClock);
        var result = await handler.Handle(new SyncFeedCommand(workspace.TenantId, feed), CancellationToken.None);
        Assert.Null(tenantContext.TenantId);
        return result;
    }

    /// <summary>The app's audit feed reader, as the app registers it, waiting on <paramref name="clock"/>.</summary>
    private ServiceProvider AuditReaderServices(TimeProvider clock) => new ServiceCollection()
        .AddSingleton(Options.Create(Sandbox.Options))
        .AddSingleton(Sandbox.Tokens)
        .AddSingleton(clock)
        .AddAuditFeedReader()
        .BuildServiceProvider();

    /// <summary>
    /// One sync; once the feed has answered 429, the shared fake clock moves a tenth of a second at a time until the reader
    /// asks again, so the reader's wait on the app's clock ends without waiting in real time.
    /// </summary>
    private async Task<SyncResult> SyncThroughThrottleAsync(Workspace workspace, TenantFeed feed)
    {
        var sync = SyncFeedAsync(workspace, feed);
        while (!sync.IsCompleted)
        {
            if (Sandbox.AuditFeedRequests is [.., { StatusCode: 429 }])
            {
                Clock.Advance(TimeSpan.FromMilliseconds(100));
            }

            await Task.WhenAny(sync, Task.Delay(1));
        }

        return await sync;
    }

    /// <summary>Each feed to completion, each run killed at a random blob or database command until one completes.</summary>
    private async Task<int> SyncWithCrashesAsync(Workspace workspace, Random random, int maxBlobs, int maxCommands)
    {
        var crashes = 0;
        foreach (var feed in AuditFeeds)
        {
            for (var attempt = 0; ; attempt++)
            {
                Assert.True(attempt < 60, $"{feed} did not complete.");
                try
                {
                    var result = random.Next(2) == 0
                        ? await SyncFeedAsync(workspace, feed, new InterruptingAuditFeedReader(Sandbox.AuditReader, random.Next(maxBlobs)))
                        : await SyncFeedAsync(workspace, feed, null, new CrashingCommandInterceptor(random.Next(maxCommands)));
                    Assert.Equal(SyncOutcome.Completed, result.Outcome);
                    break;
                }
                catch (Exception crash) when (crash is SimulatedCrashException || crash.InnerException is SimulatedCrashException)
                {
                    crashes++;
                }
            }
        }

        return crashes;
    }

    /// <summary>Ids of records of the feed that the sandbox delivers in more than one blob created in the range.</summary>
    private async Task<List<string>> RecordsInMoreThanOneBlobAsync(TenantFeed feed, DateTimeOffset from, DateTimeOffset to)
    {
        var ids = new List<string>();
        for (var start = from; start < to; start += TimeSpan.FromHours(24))
        {
            var end = start + TimeSpan.FromHours(24) < to ? start + TimeSpan.FromHours(24) : to;
            await foreach (var content in Sandbox.AuditReader.ListContentAsync(Fabrikam.TenantId, AuditContentTypes.Of(feed), start, end, CancellationToken.None))
            {
                var records = await Sandbox.AuditReader.ReadContentAsync(Fabrikam.TenantId, content, CancellationToken.None);
                ids.AddRange(records.Where(r => r.Operation == "MessageSent").Select(r => r.Id).Distinct());
            }
        }

        return [.. ids.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key)];
    }

    private Task<FeedCheckpoint> FeedCheckpointAsync(Workspace workspace, TenantFeed feed) =>
        InScopeAsync(workspace, db => db.FeedCheckpoints.AsNoTracking().SingleAsync(c => c.Feed == feed));
}
