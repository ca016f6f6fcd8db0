using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Caching;
using WorkSights.Application.Reporting.GetReportBar;
using WorkSights.Application.UnitTests.Support;
using WorkSights.Domain.People;
using WorkSights.Domain.Schedules;
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

    [Fact]
    public async Task TodayIsTheViewersOwnDateAsTheClockMovesAndFollowsAChangedTimeZoneAfterTheNextStoredChange()
    {
        using var w = await ReportingWorkspace.CreateAsync();
        await SetTimeZoneAsync(w, w.Ceo, "Pacific/Auckland");
        w.Database.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 10, 30, 0, TimeSpan.Zero));

        var auckland = await BarAsync(w, w.Ceo);
        w.Database.Clock.Advance(TimeSpan.FromHours(14));
        var aucklandLater = await BarAsync(w, w.Ceo);
        await SetTimeZoneAsync(w, w.Ceo, "America/Los_Angeles");
        versions.Advance(w.Ceo.TenantId);
        var losAngeles = await BarAsync(w, w.Ceo);

        // 10:30 UTC is 23:30 in Auckland (UTC+13 in March); 14 hours later, 00:30 UTC on the 3rd, it is 13:30 on the 3rd
        // there and 16:30 on the 2nd in Los Angeles.
        Assert.Equal(new NodaTime.LocalDate(2026, 3, 2), auckland.Today);
        Assert.Equal(new NodaTime.LocalDate(2026, 3, 3), aucklandLater.Today);
        Assert.Equal(new NodaTime.LocalDate(2026, 3, 2), losAngeles.Today);
    }

    [Fact]
    public async Task PersonAskedForIsNamedOnlyWhenTheViewerSeesThem()
    {
        using var w = await ReportingWorkspace.CreateAsync();

        var ceoOnZoe = await BarAsync(w, w.Ceo, w.Zoe.Id);
        var rajOnZoe = await BarAsync(w, w.Raj, w.Zoe.Id);
        var rajOnTom = await BarAsync(w, w.Raj, w.Tom.Id);
        var ceoOnAnotherWorkspacesPerson = await BarAsync(w, w.Ceo, w.Oli.Id);
        var ceoOnNobody = await BarAsync(w, w.Ceo, Guid.NewGuid());

        Assert.Equal(new PersonOption(w.Zoe.Id, "Zoe"), ceoOnZoe.Person);
        Assert.Equal(new PersonOption(w.Zoe.Id, "Zoe"), rajOnZoe.Person);
        Assert.Null(rajOnTom.Person);
        Assert.Null(ceoOnAnotherWorkspacesPerson.Person);
        Assert.Null(ceoOnNobody.Person);
    }

    [Fact]
    public async Task RolesAreTheJobTitlesOfThePeopleTheViewerSees()
    {
        using var w = await ReportingWorkspace.CreateAsync();
        await w.InWorkspaceAsync(w.Ceo.TenantId, async db =>
        {
            foreach (var (id, title) in new[] { (w.Zoe.Id, "Account executive"), (w.Raj.Id, "Sales lead"), (w.Tom.Id, "Engineer") })
            {
                (await db.People.SingleAsync(p => p.Id == id)).OverrideProfile(title, null, null, w.Database.Clock.GetUtcNow());
            }
        });

        var ceo = await BarAsync(w, w.Ceo);
        var raj = await BarAsync(w, w.Raj);

        Assert.Equal(["Account executive", "Engineer", "Sales lead"], ceo.Roles);
        Assert.Equal(["Account executive", "Sales lead"], raj.Roles);

        // Under privacy mode a title could single a person out: none is offered.
        await w.InWorkspaceAsync(w.Ceo.TenantId, async db => (await db.Tenants.SingleAsync(t => t.Id == w.Ceo.TenantId)).TurnOnPrivacyMode(5, TestPseudonymKeys.Instance.NewProtectedKey));
        versions.Advance(w.Ceo.TenantId);
        Assert.Empty((await BarAsync(w, w.Ceo)).Roles);
    }

    private static Task SetTimeZoneAsync(ReportingWorkspace w, Person person, string timeZoneId) =>
        w.InWorkspaceAsync(person.TenantId, async db =>
        {
            var settings = await db.PersonScheduleSettings.FindAsync(person.Id) ?? db.PersonScheduleSettings.Add(PersonScheduleSettings.For(person.TenantId, person.Id)).Entity;
            settings.Change(null, null, null, timeZoneId, w.Database.Clock.GetUtcNow());
        });

    private Task<ReportBarDto> BarAsync(ReportingWorkspace w, Person viewer, Guid? personId = null) =>
        w.AsAsync(viewer, (db, scopes, calendars) =>
            new GetReportBarQueryHandler(db, scopes, calendars, w.Database.Clock, new WorkspaceMemo(store, versions, w.Database.TenantContext, w.Database.Clock))
                .Handle(new GetReportBarQuery(personId), CancellationToken.None).AsTask());
}
