using WorkSights.Application.Common.Caching;
using WorkSights.Application.Reporting.GetReportBar;
using WorkSights.Domain.People;
using WorkSights.Infrastructure.Persistence;

namespace WorkSights.Application.UnitTests.Reporting;

public sealed class ReportBarTests : IDisposable
{
    private readonly ReportedDataVersions versions = new();
    private readonly WorkspaceMemoStore store = new();

    public void Dispose() => store.Dispose();

    [Fact]
    public async Task TeamsAndManagersAreEachViewersOwnAndRememberedUntilTheNextStoredChange()
    {
        using var w = await ReportingWorkspace.CreateAsync();

        var ceoBefore = await BarAsync(w, w.Ceo);
        var rajBefore = await BarAsync(w, w.Raj);
        await w.InWorkspaceAsync(w.Ceo.TenantId, db =>
        {
            db.People.Add(Person.Import(
                w.Ceo.TenantId, "lea", new DirectoryProfile("lea@example.com", "Lea", "Legal", null, "tom"), ProvisioningState.New, w.Database.Clock.GetUtcNow()));
            return Task.CompletedTask;
        });
        var ceoRemembered = await BarAsync(w, w.Ceo);
        // The app's context advances the workspace's data version with every stored change.
        versions.Advance(w.Ceo.TenantId);
        var ceoAfter = await BarAsync(w, w.Ceo);

        Assert.Equal(["Engineering", "Leadership", "Sales"], ceoBefore.Teams);
        Assert.Equal(["Ceo", "Mia", "Raj"], ceoBefore.Managers.Select(m => m.Name));
        Assert.Equal(["Sales"], rajBefore.Teams);
        Assert.Equal(["Raj"], rajBefore.Managers.Select(m => m.Name));
        Assert.Equal(ceoBefore.Teams, ceoRemembered.Teams);
        Assert.Equal(["Engineering", "Leadership", "Legal", "Sales"], ceoAfter.Teams);
        Assert.Equal(["Ceo", "Mia", "Raj", "Tom"], ceoAfter.Managers.Select(m => m.Name));
    }

    private Task<ReportBarDto> BarAsync(ReportingWorkspace w, Person viewer) =>
        w.AsAsync(viewer, (db, scopes, calendars) =>
            new GetReportBarQueryHandler(db, scopes, calendars, w.Database.Clock, new WorkspaceMemo(store, versions, w.Database.TenantContext, w.Database.Clock))
                .Handle(new GetReportBarQuery(), CancellationToken.None).AsTask());
}
