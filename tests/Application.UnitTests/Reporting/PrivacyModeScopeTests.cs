using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Reporting;
using WorkSights.Application.Reporting.GetDashboard;
using WorkSights.Application.UnitTests.Support;
using WorkSights.Domain.People;
using WorkSights.Domain.Privacy;

namespace WorkSights.Application.UnitTests.Reporting;

/// <summary>
/// Privacy mode through the Dashboard's handler in a workspace of five (Ceo ← Mia ← Raj ← Zoe; Ceo ← Tom): who reads
/// pseudonyms, whose scope is too small, and what is remembered of the groups shown.
/// </summary>
public sealed class PrivacyModeScopeTests : IAsyncLifetime
{
    private ReportingWorkspace w = null!;

    public async Task InitializeAsync()
    {
        w = await ReportingWorkspace.CreateAsync();
        await w.InWorkspaceAsync(w.Ceo.TenantId, async db => (await db.Tenants.SingleAsync(t => t.Id == w.Ceo.TenantId)).TurnOnPrivacyMode(5, TestPseudonymKeys.Instance.NewProtectedKey));
    }

    public Task DisposeAsync()
    {
        w.Dispose();
        return Task.CompletedTask;
    }

    private Task<DashboardDto> DashboardAsync(Person viewer, ReportFilter? filter = null) =>
        w.AsAsync(viewer, async (db, scopes, calendars) =>
            await new GetDashboardQueryHandler(db, scopes, w.Privacy(db), calendars).Handle(new GetDashboardQuery(ReportingWorkspace.Day, filter ?? ReportFilter.None), CancellationToken.None));

    private Task<int> ShownGroupsAsync() => w.InWorkspaceAsync(w.Ceo.TenantId, db => db.ShownGroups.CountAsync());

    [Fact]
    public async Task ExecutiveReadsEveryoneButThemselvesUnderPseudonymsSortedByThem()
    {
        var view = await DashboardAsync(w.Ceo);

        var names = view.Rows.Items.Select(r => r.Name).ToList();
        Assert.Equal(5, names.Count);
        Assert.Contains("Ceo", names);
        Assert.Equal(4, names.Count(n => n.StartsWith("Person ", StringComparison.Ordinal)));
        Assert.DoesNotContain(names, n => n is "Mia" or "Raj" or "Zoe" or "Tom");
        Assert.Equal(names.OrderBy(n => n, StringComparer.CurrentCultureIgnoreCase), names);
    }

    [Fact]
    public async Task OnePersonChosenIsAGroupTooSmallToShow()
    {
        var refused = await Assert.ThrowsAsync<GroupWithheldException>(() => DashboardAsync(w.Ceo, new ReportFilter(PersonId: w.Zoe.Id)));

        Assert.Contains("1 person", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManagerWhoseReportingLineIsSmallerThanTheMinimumSeesNothingOfIt()
    {
        var refused = await Assert.ThrowsAsync<GroupWithheldException>(() => DashboardAsync(w.Mia));

        Assert.Contains("3 people", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MemberSeesTheirOwnDayUnderTheirOwnNameWithNothingRemembered()
    {
        var view = await DashboardAsync(w.Zoe);

        Assert.Equal(["Zoe"], view.Rows.Items.Select(r => r.Name));
        Assert.Equal(0, await ShownGroupsAsync());
    }

    [Fact]
    public async Task RepeatedViewOfTheSameGroupIsRememberedOnceAndAJoinerReplacesIt()
    {
        await DashboardAsync(w.Ceo);
        await DashboardAsync(w.Ceo);
        var first = await w.InWorkspaceAsync(w.Ceo.TenantId, db => db.ShownGroups.AsNoTracking().SingleAsync());
        await w.InWorkspaceAsync(w.Ceo.TenantId, db =>
        {
            db.People.Add(Person.Import(w.Ceo.TenantId, "ana", new DirectoryProfile("ana@example.com", "Ana", "Sales", null, "ceo"), ProvisioningState.New, w.Database.Clock.GetUtcNow()));
            return Task.CompletedTask;
        });

        await DashboardAsync(w.Ceo);

        var after = await w.InWorkspaceAsync(w.Ceo.TenantId, db => db.ShownGroups.AsNoTracking().SingleAsync());
        Assert.Equal(("everyone", 5), (first.Label, first.Size));
        Assert.Equal(6, after.Size);
        Assert.Equal(first.Id, after.Id);
    }

    [Fact]
    public async Task PrivacyModeOffShowsNamesAndRemembersNothing()
    {
        await w.InWorkspaceAsync(w.Ceo.TenantId, async db => (await db.Tenants.SingleAsync(t => t.Id == w.Ceo.TenantId)).TurnOffPrivacyMode());

        var view = await DashboardAsync(w.Mia);

        Assert.Equal(["Mia", "Raj", "Zoe"], view.Rows.Items.Select(r => r.Name));
        Assert.Equal(0, await ShownGroupsAsync());
    }

    [Fact]
    public void PseudonymsOfTwoWorkspacesAreKeyedBySecretsOfTheirOwn()
    {
        var first = TestPseudonymKeys.Instance.Unprotect(TestPseudonymKeys.Instance.NewProtectedKey());
        var second = TestPseudonymKeys.Instance.Unprotect(TestPseudonymKeys.Instance.NewProtectedKey());

        Assert.Equal(Pseudonym.KeyLength, first.Length);
        Assert.NotEqual(first, second);
        Assert.NotEqual(Pseudonym.Of(first, w.Zoe.Id), Pseudonym.Of(second, w.Zoe.Id));
    }
}
