using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Schedules;
using WorkSights.Application.Schedules.AddCustomSchedule;
using WorkSights.Application.Schedules.GetPersonSchedule;
using WorkSights.Application.Schedules.ListNamedSchedules;
using WorkSights.Application.Schedules.RemoveCustomSchedule;
using WorkSights.Application.Schedules.SaveDefaultSchedule;
using WorkSights.Application.Schedules.SavePersonSchedule;
using WorkSights.Application.UnitTests.Support;
using WorkSights.Domain.Common;
using WorkSights.Domain.People;
using WorkSights.Domain.Schedules;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.UnitTests.Schedules;

public sealed class ScheduleCommandsTests : IDisposable
{
    private readonly TestDatabase database = new();

    [Fact]
    public async Task PersonsOwnEditIsSavedAuditedAndMarksTheirDaysGivenTheyEditThemselves()
    {
        var (tenant, ada, _) = await WorkspaceAsync();
        using var scope = database.TenantContext.BeginScope(tenant.Id);
        await using (var db = database.CreateContext())
        {
            await new SavePersonScheduleCommandHandler(db, new FakeCurrentUser(PersonRole.Member, ada.Id), database.Clock)
                .Handle(new SavePersonScheduleCommand(ada.Id, null, 100, "GB", "Asia/Tokyo"), CancellationToken.None);
        }

        await using var check = database.CreateContext();
        var settings = await check.PersonScheduleSettings.SingleAsync();
        Assert.Equal((100, "GB", "Asia/Tokyo"), (settings.TargetPercent!.Value, settings.HolidayRegion, settings.TimeZoneId));
        var entry = await check.AuditEntries.SingleAsync();
        Assert.Equal(("schedule.person.changed", ada.Id), (entry.Action, entry.ByPersonId!.Value));
        Assert.Contains("Asia/Tokyo", entry.After, StringComparison.Ordinal);
        Assert.Contains("time zone default", entry.Before, StringComparison.Ordinal);
        Assert.True(await check.DirtyPersonDays.AnyAsync(d => d.PersonId == ada.Id));
    }

    [Fact]
    public async Task MemberGetsNotFoundAndNothingChangesGivenAnotherPersonsSchedule()
    {
        var (tenant, ada, grace) = await WorkspaceAsync();
        using var scope = database.TenantContext.BeginScope(tenant.Id);
        await using var db = database.CreateContext();
        var member = new FakeCurrentUser(PersonRole.Member, ada.Id);

        await Assert.ThrowsAsync<NotFoundException>(async () =>
            await new SavePersonScheduleCommandHandler(db, member, database.Clock).Handle(new SavePersonScheduleCommand(grace.Id, null, 100, null, null), CancellationToken.None));
        await Assert.ThrowsAsync<NotFoundException>(async () =>
            await new GetPersonScheduleQueryHandler(db, database.TenantContext, member, NoImportedWorkSettings.Instance, database.Clock)
                .Handle(new GetPersonScheduleQuery(grace.Id), CancellationToken.None));
        Assert.False(await db.PersonScheduleSettings.AnyAsync());
        Assert.False(await db.AuditEntries.AnyAsync());
    }

    [Fact]
    public async Task OverlappingVacationIsRefusedAndRemovingOneMarksItsDatesGivenTwoRanges()
    {
        var (tenant, ada, _) = await WorkspaceAsync();
        using var scope = database.TenantContext.BeginScope(tenant.Id);
        var owner = new FakeCurrentUser(PersonRole.Owner, Guid.NewGuid());
        Guid vacation;
        await using (var db = database.CreateContext())
        {
            vacation = await new AddCustomScheduleCommandHandler(db, owner, database.Clock).Handle(
                new AddCustomScheduleCommand(ada.Id, "Vacation", new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 13), WeekPlan.AllOff), CancellationToken.None);
        }

        await using (var db = database.CreateContext())
        {
            var clash = await Assert.ThrowsAsync<DomainRuleViolationException>(async () => await new AddCustomScheduleCommandHandler(db, owner, database.Clock).Handle(
                new AddCustomScheduleCommand(ada.Id, "Course", new DateOnly(2026, 3, 13), new DateOnly(2026, 3, 16), WeekPlan.AllOff), CancellationToken.None));
            Assert.Contains("Vacation", clash.Message, StringComparison.Ordinal);
            db.DirtyPersonDays.RemoveRange(db.DirtyPersonDays);
            await db.SaveChangesAsync();
            await new RemoveCustomScheduleCommandHandler(db, owner, database.Clock).Handle(new RemoveCustomScheduleCommand(vacation), CancellationToken.None);
        }

        await using var check = database.CreateContext();
        var marked = await check.DirtyPersonDays.Select(d => d.Date).OrderBy(d => d).ToListAsync();
        Assert.Equal(new DateOnly(2026, 3, 9), marked.First());
        Assert.Equal(new DateOnly(2026, 3, 13), marked.Last());
        Assert.Equal(["schedule.custom.added", "schedule.custom.removed"], await check.AuditEntries.OrderBy(e => e.At).ThenBy(e => e.Action).Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task DefaultScheduleChangeMarksEveryonesDaysOnceGivenAChangeAndNothingGivenTheSameValues()
    {
        var (tenant, ada, grace) = await WorkspaceAsync();
        using var scope = database.TenantContext.BeginScope(tenant.Id);
        var owner = new FakeCurrentUser(PersonRole.Owner, ada.Id);
        var unchanged = new SaveDefaultScheduleCommand(WorkSchedule.StandardWeek.WorkDays, new TimeOnly(9, 0), new TimeOnly(17, 0), 80, "Europe/London");
        await using (var db = database.CreateContext())
        {
            await new SaveDefaultScheduleCommandHandler(db, database.TenantContext, owner, database.Clock).Handle(unchanged, CancellationToken.None);
        }

        await using (var db = database.CreateContext())
        {
            Assert.False(await db.AuditEntries.AnyAsync());
            Assert.False(await db.DirtyPersonDays.AnyAsync());
            await new SaveDefaultScheduleCommandHandler(db, database.TenantContext, owner, database.Clock)
                .Handle(unchanged with { Start = new TimeOnly(8, 0), TargetPercent = 90 }, CancellationToken.None);
        }

        await using var check = database.CreateContext();
        var entry = await check.AuditEntries.SingleAsync();
        Assert.Equal("Mon–Fri 09:00–17:00, Sat–Sun off, target 80 %, Europe/London", entry.Before);
        Assert.Equal("Mon–Fri 08:00–17:00, Sat–Sun off, target 90 %, Europe/London", entry.After);
        Assert.Equal(2, await check.DirtyPersonDays.Select(d => d.PersonId).Distinct().CountAsync());
        Assert.Equal(90, (await check.Tenants.SingleAsync()).Details!.DefaultTargetPercent);
        _ = grace;
    }

    [Fact]
    public async Task ScheduleTabShowsTheWeekInForceAndWhereEachValueComesFromGivenOwnSettings()
    {
        var (tenant, ada, _) = await WorkspaceAsync();
        using var scope = database.TenantContext.BeginScope(tenant.Id);
        await using var db = database.CreateContext();
        var self = new FakeCurrentUser(PersonRole.Member, ada.Id);
        await new SavePersonScheduleCommandHandler(db, self, database.Clock).Handle(new SavePersonScheduleCommand(ada.Id, null, 90, null, "Asia/Tokyo"), CancellationToken.None);

        var tab = await new GetPersonScheduleQueryHandler(db, database.TenantContext, self, NoImportedWorkSettings.Instance, database.Clock)
            .Handle(new GetPersonScheduleQuery(ada.Id), CancellationToken.None);

        Assert.Equal(("Asia/Tokyo", "set in WorkSights", 90, "GB", "workspace default"), (tab.EffectiveTimeZoneId, tab.TimeZoneSource, tab.EffectiveTargetPercent, tab.EffectiveHolidayRegion, tab.HoursSource));
        Assert.Equal(new DateOnly(2026, 3, 2), tab.ThisWeek[0].Date);
        Assert.Equal(["09:00–17:00", "09:00–17:00", "09:00–17:00", "09:00–17:00", "09:00–17:00", "off", "off"], tab.ThisWeek.Select(d => d.Hours));
    }

    [Fact]
    public async Task AuditEntryCannotBeChangedOrRemovedGivenAnyAttempt()
    {
        var (tenant, ada, _) = await WorkspaceAsync();
        using var scope = database.TenantContext.BeginScope(tenant.Id);
        await using (var db = database.CreateContext())
        {
            await new SavePersonScheduleCommandHandler(db, new FakeCurrentUser(PersonRole.Member, ada.Id), database.Clock)
                .Handle(new SavePersonScheduleCommand(ada.Id, null, 90, null, null), CancellationToken.None);
        }

        await using var tamper = database.CreateContext();
        tamper.AuditEntries.Remove(await tamper.AuditEntries.SingleAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => tamper.SaveChangesAsync());
    }

    [Fact]
    public async Task NamedScheduleChoicesAreTheWorkspacesOwnByNameWithTheirWeekGivenTwoWorkspaces()
    {
        var (tenant, _, _) = await WorkspaceAsync();
        var other = await database.AddTenantAsync("fabrikam", "fabrikam.example");
        await AddNamedScheduleAsync(tenant.Id, "late shift", WeekPlan.Parse("13:00-21:00,13:00-21:00,13:00-21:00,13:00-21:00,13:00-21:00,off,off"));
        await AddNamedScheduleAsync(tenant.Id, "Early", WeekPlan.From(WorkSchedule.StandardWeek));
        await AddNamedScheduleAsync(other.Id, "Another workspace's", WeekPlan.From(WorkSchedule.StandardWeek));

        using var scope = database.TenantContext.BeginScope(tenant.Id);
        await using var db = database.CreateContext();
        var choices = await new ListNamedSchedulesQueryHandler(db).Handle(new ListNamedSchedulesQuery(), CancellationToken.None);

        Assert.Equal(["Early", "late shift"], choices.Select(c => c.Name));
        Assert.Equal(ScheduleText.Of(WorkSchedule.StandardWeek), choices[0].Summary);
        Assert.Contains("13:00", choices[1].Summary, StringComparison.Ordinal);
    }

    private async Task AddNamedScheduleAsync(Guid tenantId, string name, WeekPlan week)
    {
        using var scope = database.TenantContext.BeginScope(tenantId);
        await using var db = database.CreateContext();
        db.NamedSchedules.Add(NamedSchedule.Create(tenantId, name, week, database.Clock.GetUtcNow()));
        await db.SaveChangesAsync();
    }

    private async Task<(Tenant Tenant, Person Ada, Person Grace)> WorkspaceAsync()
    {
        var tenant = await database.AddTenantAsync("contoso", "contoso.example");
        using (database.TenantContext.BeginScope(tenant.Id))
        {
            await using var db = database.CreateContext();
            var stored = await db.Tenants.SingleAsync();
            stored.CompleteAccountSetup(
                new CompanyDetails("Contoso", "Software", CompanySize.From51To200, "GB", "Europe/London", WorkSchedule.StandardWeek, 80),
                "contoso.example",
                database.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        var ada = await database.AddPersonAsync(tenant.Id, "ada", "ada@contoso.example", ProvisioningState.AlreadyLinked);
        var grace = await database.AddPersonAsync(tenant.Id, "grace", "grace@contoso.example", ProvisioningState.AlreadyLinked);
        return (tenant, ada, grace);
    }

    public void Dispose() => database.Dispose();
}
