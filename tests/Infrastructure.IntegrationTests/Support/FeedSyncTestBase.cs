using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Ingestion;
using WorkSights.Application.Ingestion.Feeds;
using WorkSights.Application.Ingestion.Feeds.CallRecords;
using WorkSights.Application.Ingestion.Feeds.SignIns;
using WorkSights.Application.Ingestion.SyncFeed;
using WorkSights.Domain.Ingestion;
using WorkSights.Infrastructure.Tenancy;

namespace WorkSights.Infrastructure.IntegrationTests.Support;

/// <summary>Workspace-wide feeds (Teams calls, sign-ins) synced by the real SyncFeed handler through the real Graph adapters.</summary>
public abstract class FeedSyncTestBase : MailboxSyncTestBase
{
    protected static readonly string[] FeedPaths = ["/v1.0/communications/callRecords", "/v1.0/auditLogs/signIns"];

    /// <summary>One run of the real handler for one feed, as the scheduler's job would run it.</summary>
    protected Task<SyncResult> SyncFeedAsync(Workspace workspace, TenantFeed feed, InterruptingFeedReader? reader = null, params IInterceptor[] interceptors) =>
        SyncFeedAsync(workspace, feed, reader ?? (ICallRecordReader)Sandbox.CallRecordReader, reader ?? (ISignInReader)Sandbox.SignInReader, interceptors);

    /// <summary>One run of the real handler with the given readers (e.g. adapters with a logger the test reads).</summary>
    protected async Task<SyncResult> SyncFeedAsync(Workspace workspace, TenantFeed feed, ICallRecordReader calls, ISignInReader signIns, params IInterceptor[] interceptors)
    {
        var tenantContext = new TenantContext();
        await using var db = workspace.Database.NewContext(tenantContext, interceptors);
        IFeedImport[] imports = [new CallRecordsImport(calls), new SignInsImport(signIns, new NoCloudNetworks())];
        var result = await new SyncFeedCommandHandler(db, tenantContext, imports, AppClock).Handle(new SyncFeedCommand(workspace.TenantId, feed), CancellationToken.None);
        Assert.Null(tenantContext.TenantId);
        return result;
    }

    protected async Task SyncFeedsCompletedAsync(Workspace workspace)
    {
        foreach (var feed in new[] { TenantFeed.CallRecords, TenantFeed.SignIns })
        {
            var result = await SyncFeedAsync(workspace, feed);
            Assert.True(result.Outcome == SyncOutcome.Completed, $"{feed}: {result}");
        }
    }

    protected Task<FeedCheckpoint?> FeedCheckpointAsync(Workspace workspace, TenantFeed feed) =>
        InScopeAsync(workspace, db => db.FeedCheckpoints.AsNoTracking().SingleOrDefaultAsync(c => c.Feed == feed));

    protected IReadOnlyList<Sandbox.SandboxRequestLogEntry> FeedRequests =>
        [.. Sandbox.GraphRequests.Where(r => FeedPaths.Any(p => SandboxGraph.PathOf(r).StartsWith(p, StringComparison.Ordinal)))];
}
