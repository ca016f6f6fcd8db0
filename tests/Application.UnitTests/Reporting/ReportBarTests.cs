using WorkSights.Application.Common.Caching;
using WorkSights.Application.Reporting.GetReportBar;
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

    private static Task SetTimeZoneAsync(ReportingWorkspace w, Person person, string timeZoneId) =>
        w.InWorkspaceAsync(person.TenantId, async db =>
        {
            var settings = await db.PersonScheduleSettings.FindAsync(person.Id) ?? db.PersonScheduleSettings.Add(PersonScheduleSettings.For(person.TenantId, person.Id)).Entity;
            settings.Change(null, null, null, timeZoneId, w.Database.Clock.GetUtcNow());
        });

    private Task<ReportBarDto> BarAsync(ReportingWorkspace w, Person viewer) =>
        w.AsAsync(viewer, (db, scopes, calendars) =>
            new GetReportBarQueryHandler(db, scopes, calendars, w.Database.Clock, new WorkspaceMemo(store, versions, w.Database.TenantContext, w.Database.Clock))
                .Handle(new GetReportBarQuery(), CancellationToken.None).AsTask());
}
