using Microsoft.EntityFrameworkCore;
using NodaTime;
using WorkSights.Application.Accounts;
using WorkSights.Application.Accounts.GetAccountSettings;
using WorkSights.Application.Accounts.GetAuditLog;
using WorkSights.Application.Accounts.SaveCompanyDetails;
using WorkSights.Application.Accounts.SetDataRetention;
using WorkSights.Application.Accounts.SetScoreVisibility;
using WorkSights.Application.Common.Audit;
using WorkSights.Application.Schedules;
using WorkSights.Application.UnitTests.Support;
using WorkSights.Domain.Audit;
using WorkSights.Domain.Common;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.UnitTests.Accounts;

/// <summary>Issue 12, item 4: Account View's commands and the audit log query, on a real SQLite database.</summary>
public sealed class AccountSettingsCommandsTests : IDisposable
{
    private const string Address = "203.0.113.9";

    private readonly TestDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task CompanyDetailsChangeIsRecordedWithItsAuthorAddressAndValuesGivenAChange()
    {
        var (tenant, owner) = await WorkspaceAsync(setUp: true);
        using var scope = database.TenantContext.BeginScope(tenant.Id);
        await using (var db = database.CreateContext())
        {
            await Handler(db, owner).Handle(new SaveCompanyDetailsCommand("Contoso Europe", "Contoso.EU", "Healthcare", CompanySize.From201To1000, "fr"), CancellationToken.None);
            await Handler(db, owner).Handle(new SaveCompanyDetailsCommand("Contoso Europe", "contoso.eu", "Healthcare", CompanySize.From201To1000, "FR"), CancellationToken.None);
        }

        await using var read = database.CreateContext();
        var stored = await read.Tenants.AsNoTracking().SingleAsync();
        Assert.Equal(("Contoso Europe", "contoso.eu", "Healthcare", CompanySize.From201To1000, "FR", "Europe/London"), (stored.Name, stored.PrimaryDomain, stored.Industry, stored.Size, stored.CountryCode, stored.TimeZoneId));
        var entry = Assert.Single(await read.AuditEntries.AsNoTracking().ToListAsync());
        Assert.Equal(
            (AccountAuditActions.CompanyDetailsChanged, owner.Id, Address, "Contoso, contoso.com, Software and IT services, 51–200 people, GB", "Contoso Europe, contoso.eu, Healthcare, 201–1,000 people, FR"),
            (entry.Action, entry.ByPersonId!.Value, entry.FromAddress, entry.Before, entry.After));
    }

    [Fact]
    public async Task CompanyDetailsCannotBeChangedBeforeAccountSetup()
    {
        var (tenant, owner) = await WorkspaceAsync(setUp: false);
        using var scope = database.TenantContext.BeginScope(tenant.Id);
        await using var db = database.CreateContext();

        await Assert.ThrowsAsync<DomainRuleViolationException>(() =>
            Handler(db, owner).Handle(new SaveCompanyDetailsCommand("Contoso", "contoso.com", "Healthcare", CompanySize.UpTo10, "GB"), CancellationToken.None).AsTask());
        Assert.Equal(0, await db.AuditEntries.CountAsync());
    }

    [Fact]
    public void CompanyDetailsValidatorRefusesWhatAccountSetupRefuses()
    {
        var result = new SaveCompanyDetailsCommandValidator().Validate(new SaveCompanyDetailsCommand("", "contoso", "Piracy", (CompanySize)99, "XX"));

        Assert.Equal(
            [
                ("CompanyName", "Enter the company name."),
                ("PrimaryDomain", "Enter a domain such as contoso.com."),
                ("Industry", "Choose an industry from the list."),
                ("Size", "Choose a company size."),
                ("CountryCode", "Choose a country."),
            ],
            result.Errors.Select(e => (e.PropertyName, e.ErrorMessage)));
    }

    [Fact]
    public async Task ScoreVisibilityAndRetentionChangesAreAuditedAndRepeatsAreNot()
    {
        var (tenant, owner) = await WorkspaceAsync(setUp: true);
        using var scope = database.TenantContext.BeginScope(tenant.Id);
        var user = new FakeCurrentUser(PersonRole.Owner, owner.Id, Address);
        await using (var db = database.CreateContext())
        {
            var visibility = new SetScoreVisibilityCommandHandler(new WorkspaceSettingChange(db, database.TenantContext, user, database.Clock));
            await visibility.Handle(new SetScoreVisibilityCommand(true), CancellationToken.None);
            await visibility.Handle(new SetScoreVisibilityCommand(false), CancellationToken.None);
            var retention = new SetDataRetentionCommandHandler(new WorkspaceSettingChange(db, database.TenantContext, user, database.Clock));
            await retention.Handle(new SetDataRetentionCommand(null), CancellationToken.None);
            await retention.Handle(new SetDataRetentionCommand(400), CancellationToken.None);
            await retention.Handle(new SetDataRetentionCommand(400), CancellationToken.None);
        }

        await using var read = database.CreateContext();
        var settings = await new GetAccountSettingsQueryHandler(read, database.TenantContext).Handle(new GetAccountSettingsQuery(), CancellationToken.None);
        Assert.Equal((false, (int?)400, true), (settings.ScoresVisibleToMembers, settings.RetentionDays, settings.IsSetupComplete));
        var entries = await read.AuditEntries.AsNoTracking().OrderBy(e => e.Action).Select(e => new { e.Action, e.Before, e.After, e.FromAddress }).ToListAsync();
        Assert.Equal(
            [
                (AccountAuditActions.RetentionChanged, "Activities and results kept until the workspace is deleted", "Activities and results kept 400 days", Address),
                (AccountAuditActions.ScoreVisibilityChanged, "Members see scores", "Scores hidden from Members", Address),
            ],
            entries.Select(e => (e.Action, e.Before, e.After, e.FromAddress)));
    }

    [Theory]
    [InlineData(29, false)]
    [InlineData(30, true)]
    [InlineData(3650, true)]
    [InlineData(3651, false)]
    [InlineData(-1, false)]
    public void RetentionIsBetweenAMonthAndTenYears(int days, bool valid)
    {
        Assert.Equal(valid, new SetDataRetentionCommandValidator().Validate(new SetDataRetentionCommand(days)).IsValid);
        Assert.True(new SetDataRetentionCommandValidator().Validate(new SetDataRetentionCommand(null)).IsValid);
        var tenant = Tenant.StartSignUp(IdentityProvider.Microsoft365, "tid", "contoso.com", database.Clock.GetUtcNow());
        if (valid)
        {
            tenant.KeepActivitiesFor(days);
            Assert.Equal(days, tenant.RetentionDays);
        }
        else
        {
            Assert.Throws<DomainRuleViolationException>(() => tenant.KeepActivitiesFor(days));
        }
    }

    [Theory]
    [InlineData(PersonRole.TechnicalAdmin)]
    [InlineData(PersonRole.Executive)]
    [InlineData(PersonRole.Manager)]
    [InlineData(PersonRole.Member)]
    [InlineData(null)]
    public async Task AccountRequestsAreRefusedGivenSomeoneOtherThanAnOwner(PersonRole? role)
    {
        Assert.False(await AuthorizationProbe.ReachesHandlerAsync<SaveCompanyDetailsCommand, Mediator.Unit>(role, new SaveCompanyDetailsCommand("a", "a.com", "Other", CompanySize.UpTo10, "GB")));
        Assert.False(await AuthorizationProbe.ReachesHandlerAsync<SetScoreVisibilityCommand, Mediator.Unit>(role, new SetScoreVisibilityCommand(false)));
        Assert.False(await AuthorizationProbe.ReachesHandlerAsync<SetDataRetentionCommand, Mediator.Unit>(role, new SetDataRetentionCommand(30)));
        Assert.False(await AuthorizationProbe.ReachesHandlerAsync<GetAccountSettingsQuery, AccountSettingsDto>(role, new GetAccountSettingsQuery()));
        Assert.Equal(role == PersonRole.TechnicalAdmin, await AuthorizationProbe.ReachesHandlerAsync<GetAuditLogQuery, AuditLogDto>(role, new GetAuditLogQuery(null, null, null, null)));
        Assert.True(await AuthorizationProbe.ReachesHandlerAsync<SetDataRetentionCommand, Mediator.Unit>(PersonRole.Owner, new SetDataRetentionCommand(30)));
        Assert.True(await AuthorizationProbe.ReachesHandlerAsync<GetAuditLogQuery, AuditLogDto>(PersonRole.Owner, new GetAuditLogQuery(null, null, null, null)));
    }

    [Fact]
    public async Task AuditLogFiltersByTheViewersOwnDaysAndNamesWhoDidWhat()
    {
        var (tenant, owner) = await WorkspaceAsync(setUp: true);
        var tokyo = await database.AddPersonAsync(tenant.Id, "kenji", "kenji@contoso.com", ProvisioningState.AlreadyLinked);
        using var scope = database.TenantContext.BeginScope(tenant.Id);
        var late = new DateTimeOffset(2026, 3, 2, 16, 30, 0, TimeSpan.Zero); // 3 March, 01:30 in Tokyo
        await using (var db = database.CreateContext())
        {
            var settings = Domain.Schedules.PersonScheduleSettings.For(tenant.Id, tokyo.Id);
            settings.Change(null, null, null, "Asia/Tokyo", database.Clock.GetUtcNow());
            db.PersonScheduleSettings.Add(settings);
            db.AuditEntries.Add(AuditEntry.Record(tenant.Id, new AuditActor(owner.Id, Address), late, "person.role.changed", "Kenji", "Member", "Manager"));
            db.AuditEntries.Add(AuditEntry.Record(tenant.Id, AuditActor.WorkSights, late.AddHours(-10), AccountAuditActions.DataPurged, "Data retention", null, "Removed 1 activities"));
            db.AuditEntries.Add(AuditEntry.Record(tenant.Id, new AuditActor(Guid.NewGuid(), Address), late.AddHours(-12), "schedule.default.changed", "Default schedule", "a", "b"));
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var calendars = new WorkCalendars(read, database.TenantContext, NoImportedWorkSettings.Instance);
        var asKenji = new GetAuditLogQueryHandler(read, database.TenantContext, new FakeCurrentUser(PersonRole.TechnicalAdmin, tokyo.Id), calendars);
        var march3 = await asKenji.Handle(new GetAuditLogQuery(null, null, new LocalDate(2026, 3, 3), new LocalDate(2026, 3, 3)), CancellationToken.None);
        var everything = await asKenji.Handle(new GetAuditLogQuery(null, null, null, null, Page: 7, PageSize: 2), CancellationToken.None);
        var byOwner = await asKenji.Handle(new GetAuditLogQuery("person.role.changed", owner.Id, null, null), CancellationToken.None);

        var row = Assert.Single(march3.Entries.Items);
        Assert.Equal(("Asia/Tokyo", new LocalDateTime(2026, 3, 3, 1, 30), owner.DisplayName, "Role changed", Address), (march3.TimeZoneId, row.At, row.By, row.ActionLabel, row.FromAddress));
        Assert.Equal((2, 2, 3), (everything.Entries.Page, everything.Entries.PageCount, everything.Entries.TotalCount));
        Assert.Equal(["Someone no longer in the directory"], everything.Entries.Items.Select(r => r.By));
        Assert.Equal(row.Id, Assert.Single(byOwner.Entries.Items).Id);
        Assert.Contains(march3.People, p => p.PersonId == owner.Id && p.Name == owner.DisplayName);
        Assert.Equal(["Default schedule changed", "Old activities purged", "Role changed"], march3.Actions.Select(a => a.Label));
    }

    [Fact]
    public async Task AuditEntryCannotBeChangedGivenAnyAttempt()
    {
        var (tenant, owner) = await WorkspaceAsync(setUp: true);
        using var scope = database.TenantContext.BeginScope(tenant.Id);
        await using (var db = database.CreateContext())
        {
            await new SetScoreVisibilityCommandHandler(new WorkspaceSettingChange(db, database.TenantContext, new FakeCurrentUser(PersonRole.Owner, owner.Id), database.Clock))
                .Handle(new SetScoreVisibilityCommand(false), CancellationToken.None);
        }

        await using var tamper = database.CreateContext();
        var entry = await tamper.AuditEntries.SingleAsync();
        tamper.Entry(entry).Property(e => e.After).CurrentValue = "Members see scores";
        await Assert.ThrowsAsync<InvalidOperationException>(() => tamper.SaveChangesAsync());
        Assert.Throws<InvalidOperationException>(() => tamper.SaveChanges());
        await using var read = database.CreateContext();
        Assert.Equal("Scores hidden from Members", (await read.AuditEntries.AsNoTracking().SingleAsync()).After);
    }

    private SaveCompanyDetailsCommandHandler Handler(Infrastructure.Persistence.ApplicationDbContext db, Person owner) =>
        new(db, database.TenantContext, new FakeCurrentUser(PersonRole.Owner, owner.Id, Address), database.Clock);

    private async Task<(Tenant Tenant, Person Owner)> WorkspaceAsync(bool setUp)
    {
        var tenant = await database.AddTenantAsync("contoso", "contoso.com");
        if (setUp)
        {
            using (database.TenantContext.BeginScope(tenant.Id))
            {
                await using var db = database.CreateContext();
                (await db.Tenants.SingleAsync()).CompleteAccountSetup(
                    new CompanyDetails("Contoso", "Software and IT services", CompanySize.From51To200, "GB", "Europe/London", WorkSchedule.StandardWeek, 80),
                    "contoso.com",
                    database.Clock.GetUtcNow());
                await db.SaveChangesAsync();
            }
        }

        var owner = await database.AddPersonAsync(tenant.Id, "ada", "ada@contoso.com", ProvisioningState.AlreadyLinked, p => p.AssignRole(PersonRole.Owner));
        return (tenant, owner);
    }
}
