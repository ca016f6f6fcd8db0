using System.Net;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;
using WorkSights.Infrastructure.Identity;
using WorkSights.Infrastructure.Persistence;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;
using static WorkSights.Web.FunctionalTests.Accounts.WorkspaceDataTests;

namespace WorkSights.Web.FunctionalTests.Accounts;

/// <summary>SECURITY.md P7: deleting a workspace leaves none of its rows in any table of the model, and no other workspace's row changes.</summary>
public sealed class WorkspaceDeletionTests : FunctionalTest
{
    private static readonly MethodInfo CountMethod = typeof(WorkspaceDeletionTests).GetMethod(nameof(CountAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    [Fact]
    public async Task DeletingTheWorkspaceLeavesNoRowOfItInAnyTableSignsEveryoneOutAndLeavesTheOtherWorkspaceAlone()
    {
        var contoso = NewBrowser();
        await contoso.SignUpAndConsentAsync(SandboxTenants.Contoso.AdminEmail);
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(SandboxTenants.Fabrikam.AdminEmail);
        var day = ReportingSeed.LastWorkDay();
        await App.SeedTypicalDayAsync(SandboxTenants.Contoso.TenantId, SandboxTenants.Contoso.MemberEmail, day);
        await App.SeedTypicalDayAsync(SandboxTenants.Fabrikam.TenantId, SandboxTenants.Fabrikam.MemberEmail, day);
        var member = await SignInWithRoleAsync(SandboxTenants.Fabrikam.TenantId, SandboxTenants.Fabrikam.MemberEmail, PersonRole.Member);
        await member.Browser.SubmitFormAsync(await ReadAsync(member, "/Settings/Personal"), member.At("/Settings/Personal"), "request-erasure-form");
        var workspace = await App.WorkspaceAsync(SandboxTenants.Fabrikam.TenantId);
        var other = await App.WorkspaceAsync(SandboxTenants.Contoso.TenantId);
        var before = await RowsOfAsync(App, workspace);
        var otherBefore = await RowsOfAsync(App, other);
        Assert.All(new[] { "Tenants", "People", "Activities", "PersonDays", "PersonDayLocations", "Sessions", "AuditEntries", "ErasureRequests", "PendingSignUps" }, table => Assert.True(before[table] > 0, table));
        Assert.True(App.Services.GetRequiredService<AppOnlyTokenProvider>().Holds(SandboxTenants.Fabrikam.TenantId));

        var (refused, _) = await owner.Browser.SubmitFormAsync(await ReadAsync(owner, "/Settings/Account"), owner.At("/Settings/Account"), "delete-workspace-form", new Dictionary<string, string> { ["confirmationName"] = "Fabrikam" });
        Assert.Contains($"type {workspace.Name} exactly", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await RowsOfAsync(App, workspace));

        var (receipt, url) = await owner.Browser.SubmitFormAsync(await ReadAsync(owner, "/Settings/Account"), owner.At("/Settings/Account"), "delete-workspace-form", new Dictionary<string, string> { ["confirmationName"] = workspace.Name });

        var html = WebUtility.HtmlDecode(await receipt.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        Assert.Equal("/Settings/WorkspaceData", url.AbsolutePath);
        Assert.Contains($"{workspace.Name} was deleted", html, StringComparison.Ordinal);
        Assert.Contains("Deleted by</dt><dd>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Activities</th><td class=\"number\">3</td>", html, StringComparison.Ordinal);
        Assert.Contains($"<th scope=\"row\">People</th><td class=\"number\">{before["People"]}</td>", html, StringComparison.Ordinal);
        Assert.Contains($"<dt>Records erased</dt><dd>{before.Values.Sum():N0}</dd>", html, StringComparison.Ordinal);
        // The receipt speaks the customer's words: no table names, no line of nothing, and a total that counts every row.
        Assert.Contains($"<th scope=\"row\">Daily scores</th><td class=\"number\">{before["PersonDays"]}</td>", html, StringComparison.Ordinal);
        Assert.Contains($"<th scope=\"row\">Audit log entries</th><td class=\"number\">{before["AuditEntries"]}</td>", html, StringComparison.Ordinal);
        Assert.Contains($"<th scope=\"row\">Total</th><td class=\"number\">{before.Values.Sum():N0}</td>", html, StringComparison.Ordinal);
        Assert.All(new[] { "PersonDays", "AuditEntries", "DirtyPersonDays", "ShownGroups", "Tenants", "PendingSignUps", "SyncCheckpoints" }, table =>
            Assert.DoesNotContain($">{table}<", html, StringComparison.Ordinal));
        Assert.DoesNotContain("<td class=\"number\">0</td>", html, StringComparison.Ordinal);
        // The erasure job, woken by the deletion, erases the rows in the background; the workspace's own row goes last.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((await RowsOfAsync(App, workspace))["Tenants"] > 0)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "the erasure job did not erase the deleted workspace within 30 s");
            await Task.Delay(100);
        }

        Assert.All(await RowsOfAsync(App, workspace), table => Assert.True(table.Value == 0, $"{table.Key} still holds {table.Value} rows of the deleted workspace"));
        Assert.Equal(otherBefore, await RowsOfAsync(App, other));
        Assert.False(App.Services.GetRequiredService<AppOnlyTokenProvider>().Holds(SandboxTenants.Fabrikam.TenantId));
        Assert.Equal(HttpStatusCode.Redirect, (await owner.Browser.GetAsync(owner.At("/Settings/Account"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await member.Browser.GetAsync(member.At("/Settings/Personal"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await contoso.Browser.GetAsync(contoso.At("/Settings/Account"))).StatusCode);
    }

    [Fact]
    public async Task ADeletedWorkspaceIsClosedAtOnceAndItsOrganisationCanSignUpAfreshBeforeItsRowsAreErased()
    {
        await using var app = new WorkSightsApp { Settings = new Dictionary<string, string> { ["WorkspaceErasure:Enabled"] = "false" } };
        await app.InitializeAsync();
        using var owner = new SignUpJourney(app);
        await owner.SignUpAndConsentAsync(SandboxTenants.Fabrikam.AdminEmail);
        var day = ReportingSeed.LastWorkDay();
        await app.SeedTypicalDayAsync(SandboxTenants.Fabrikam.TenantId, SandboxTenants.Fabrikam.MemberEmail, day);
        var workspace = await app.WorkspaceAsync(SandboxTenants.Fabrikam.TenantId);

        var (receipt, _) = await owner.Browser.SubmitFormAsync(await ReadAsync(owner, "/Settings/Account"), owner.At("/Settings/Account"), "delete-workspace-form", new Dictionary<string, string> { ["confirmationName"] = workspace.Name });
        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);

        // Closed: nothing reaches it, though its data is still waiting for the erasure job.
        var waiting = await RowsOfAsync(app, workspace);
        Assert.True(waiting["Activities"] > 0 && waiting["People"] > 0 && waiting["Tenants"] == 1);
        Assert.All(new[] { "Sessions", "PendingSignUps" }, table => Assert.Equal(0, waiting[table]));
        Assert.Equal(HttpStatusCode.Redirect, (await owner.Browser.GetAsync(owner.At("/Settings/Account"))).StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            Assert.False(await db.Tenants.AnyAsync(t => t.Id == workspace.Id));
        }

        // The same organisation signs up again and gets a new, empty workspace.
        using var again = new SignUpJourney(app);
        await again.SignUpAndConsentAsync(SandboxTenants.Fabrikam.AdminEmail);
        var fresh = await app.WorkspaceAsync(SandboxTenants.Fabrikam.TenantId);
        Assert.NotEqual(workspace.Id, fresh.Id);
        Assert.Equal(0, (await RowsOfAsync(app, fresh))["Activities"]);
        var freshBefore = await RowsOfAsync(app, fresh);

        Assert.True(await app.EraseDeletedWorkspacesAsync() >= waiting["Activities"] + waiting["People"] + waiting["Tenants"]);
        var organisationTables = await OrganisationTablesAsync(app);
        var left = await RowsOfAsync(app, workspace);
        Assert.All(left.Where(t => !organisationTables.Contains(t.Key)), table => Assert.True(table.Value == 0, $"{table.Key} still holds {table.Value} rows of the deleted workspace"));
        Assert.Equal(freshBefore, await RowsOfAsync(app, fresh));
        Assert.Equal(HttpStatusCode.OK, (await again.Browser.GetAsync(again.At("/Settings/Account"))).StatusCode);
    }

    /// <summary>
    /// Every table of the EF model, with the rows tied to the workspace by the column that ties them: the workspace's
    /// own id, a TenantId or WorkspaceId, or the organisation's ExternalTenantId. A table with none of these fails the test.
    /// </summary>
    internal static async Task<Dictionary<string, int>> RowsOfAsync(WorkSightsApp app, Tenant workspace)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var counts = new Dictionary<string, int>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => !e.IsOwned()))
        {
            (string Column, object Value) tie = entity.ClrType == typeof(Tenant) ? ("Id", workspace.Id)
                : entity.FindProperty("TenantId") is not null ? ("TenantId", workspace.Id)
                : entity.FindProperty("WorkspaceId") is not null ? ("WorkspaceId", workspace.Id)
                : entity.FindProperty("ExternalTenantId") is not null ? ("ExternalTenantId", workspace.ExternalTenantId)
                : throw new InvalidOperationException($"{entity.GetTableName()} has no column that ties its rows to a workspace.");
            counts[entity.GetTableName()!] = await (Task<int>)CountMethod.MakeGenericMethod(entity.ClrType).Invoke(null, [db, tie.Column, tie.Value])!;
        }

        return counts;
    }

    /// <summary>The tables tied to the organisation's id rather than to one workspace: a new sign-up's records are there too.</summary>
    private static async Task<HashSet<string>> OrganisationTablesAsync(WorkSightsApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var model = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().Model;
        return model.GetEntityTypes()
            .Where(e => !e.IsOwned() && e.ClrType != typeof(Tenant) && e.FindProperty("TenantId") is null && e.FindProperty("WorkspaceId") is null)
            .Select(e => e.GetTableName()!)
            .ToHashSet();
    }

    private static Task<int> CountAsync<T>(ApplicationDbContext db, string column, object value)
        where T : class => value switch
        {
            Guid id => db.Set<T>().IgnoreQueryFilters().CountAsync(e => EF.Property<Guid?>(e, column) == id),
            string text => db.Set<T>().IgnoreQueryFilters().CountAsync(e => EF.Property<string>(e, column) == text),
            _ => throw new ArgumentException("A workspace is tied by an id or a tenant id.", nameof(value)),
        };
}
