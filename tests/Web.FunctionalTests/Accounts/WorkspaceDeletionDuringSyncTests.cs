using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;
using static WorkSights.Web.FunctionalTests.Accounts.WorkspaceDataTests;

namespace WorkSights.Web.FunctionalTests.Accounts;

/// <summary>SECURITY.md P7 with the sync job running: a workspace deleted mid-run gets none of its rows back from the run.</summary>
public sealed class WorkspaceDeletionDuringSyncTests : FunctionalTest
{
    private static readonly SandboxTenantInfo Fabrikam = SandboxTenants.Fabrikam;

    public WorkspaceDeletionDuringSyncTests()
        : base(new WorkSightsApp { ActivitySyncEnabled = true })
    {
    }

    [Fact]
    public async Task WorkspaceDeletedWhileItsSyncRunsKeepsNoRowOnceTheRunHasEnded()
    {
        // Every Graph answer takes a while, so that the run is still reading mailboxes when the workspace goes.
        App.Sandbox.Faults.Latency(TimeSpan.FromMilliseconds(150));
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var workspace = await App.WorkspaceAsync(Fabrikam.TenantId);
        await WaitUntilAsync(async () => await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.Activities.AnyAsync()), "the run stored its first activities");
        Assert.True((await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.ConnectedServices.AsNoTracking().SingleAsync())).IsRunning, "the run is still going");

        var (receipt, _) = await owner.Browser.SubmitFormAsync(
            await ReadAsync(owner, "/Settings/Account"), owner.At("/Settings/Account"), "delete-workspace-form", new Dictionary<string, string> { ["confirmationName"] = workspace.Name });
        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        App.Sandbox.Faults.Latency(TimeSpan.Zero);
        await WaitUntilAsync(() => Task.FromResult(SandboxQuietFor(TimeSpan.FromSeconds(3))), "the run stopped asking Microsoft for Fabrikam's data");
        await App.EraseDeletedWorkspacesAsync();

        Assert.All(await WorkspaceDeletionTests.RowsOfAsync(App, workspace), table => Assert.True(table.Value == 0, $"{table.Key} holds {table.Value} rows of the deleted workspace"));
    }

    private bool SandboxQuietFor(TimeSpan quiet)
    {
        var last = App.Sandbox.RequestLog.Entries.Where(e => e.PathAndQuery.Contains("/v1.0/", StringComparison.Ordinal)).Select(e => e.TimestampUtc).DefaultIfEmpty().Max();
        return DateTimeOffset.UtcNow - last > quiet;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var started = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(90), $"waited 90 s for {what}");
            await Task.Delay(200);
        }
    }
}
