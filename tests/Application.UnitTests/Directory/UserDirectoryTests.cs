using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Caching;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Directory;
using WorkSights.Application.Directory.ChangePeople;
using WorkSights.Application.Directory.FindManagers;
using WorkSights.Application.Directory.GetUserDirectory;
using WorkSights.Application.Directory.UpdatePerson;
using WorkSights.Application.Reporting;
using WorkSights.Application.UnitTests.Support;
using WorkSights.Domain.Common;
using WorkSights.Domain.People;
using WorkSights.Infrastructure.Persistence;

namespace WorkSights.Application.UnitTests.Directory;

/// <summary>Add and Manage Users: the directory query and a person's edit, with the rules on roles and owners.</summary>
public sealed class UserDirectoryTests : IDisposable
{
    private readonly TestDatabase database = new();
    private Guid tenantId;

    public void Dispose() => database.Dispose();

    /// <summary>An Owner (ada), a Technical Admin (tom), a manager (mia) with two reports, and someone of another workspace.</summary>
    private async Task<Dictionary<string, Person>> SeedAsync()
    {
        tenantId = (await database.AddTenantAsync("tenant-a", "contoso.com")).Id;
        var other = await database.AddTenantAsync("tenant-b", "fabrikam.com");
        await database.AddPersonAsync(other.Id, "b-1", "alien@fabrikam.com", change: p => p.ApplyDirectoryProfile(new DirectoryProfile("alien@fabrikam.com", "Alien", "Sales", null, null), database.Clock.GetUtcNow()));
        await AddAsync("ada", "Ada Lovelace", "Research", null, p => p.MakeOwner());
        await AddAsync("tom", "Tom Admin", "IT", null, p =>
        {
            p.GrantLoginAccess();
            p.AssignRole(PersonRole.TechnicalAdmin);
        });
        await AddAsync("mia", "Mia Manager", "Sales", null, p => p.AssignRole(PersonRole.Manager));
        await AddAsync("bob", "bob Seller", "Sales", "oid-mia");
        await AddAsync("cy", "Cy Seller", "Sales", "oid-mia", p => p.SetActive(false, database.Clock.GetUtcNow()));
        await AddAsync("gone", "Gone Person", "Sales", "oid-mia", p => p.MarkRemovedFromDirectory(database.Clock.GetUtcNow()));
        return await database.PeopleOfAsync(tenantId);
    }

    private Task<Person> AddAsync(string name, string displayName, string? department, string? manager, Action<Person>? change = null) =>
        database.AddPersonAsync(tenantId, $"oid-{name}", $"{name}@contoso.com", change: p =>
        {
            p.ApplyDirectoryProfile(new DirectoryProfile($"{name}@contoso.com", displayName, department, null, manager), database.Clock.GetUtcNow());
            change?.Invoke(p);
        });

    private WorkspaceMemo Memo() => new(new WorkspaceMemoStore(), new ReportedDataVersions(), database.TenantContext, database.Clock);

    private async Task<UserDirectoryDto> DirectoryAsync(DirectoryFilter filter, DirectorySort sort = DirectorySort.Name, int page = 1, int pageSize = 50)
    {
        using var scope = database.TenantContext.BeginScope(tenantId);
        await using var db = database.CreateContext();
        return await new GetUserDirectoryQueryHandler(db, Memo()).Handle(new GetUserDirectoryQuery(filter, sort, page, pageSize), CancellationToken.None);
    }

    /// <summary>Runs the directory query and answers SQLite's plan of the one statement it ran whose text holds each of <paramref name="texts"/>.</summary>
    private async Task<List<string>[]> PlansAsync(GetUserDirectoryQuery query, params string[] texts)
    {
        var reads = new ReaderCommands();
        using var scope = database.TenantContext.BeginScope(tenantId);
        await using var db = database.CreateContext(reads);
        await new GetUserDirectoryQueryHandler(db, Memo()).Handle(query, CancellationToken.None);
        var plans = new List<List<string>>();
        foreach (var text in texts)
        {
            plans.Add(await ReaderCommands.PlanAsync(db, reads.Commands.Single(c => c.Sql.Contains(text, StringComparison.Ordinal))));
        }

        return [.. plans];
    }

    private async Task<IReadOnlyList<DirectoryManagerDto>> FindManagersAsync(string? term, int max = FindManagersQuery.DefaultMax)
    {
        using var scope = database.TenantContext.BeginScope(tenantId);
        await using var db = database.CreateContext();
        return await new FindManagersQueryHandler(db).Handle(new FindManagersQuery(term, max), CancellationToken.None);
    }

    private async Task UpdateAsync(Person editor, UpdatePersonCommand command)
    {
        using var scope = database.TenantContext.BeginScope(tenantId);
        await using var db = database.CreateContext();
        await new UpdatePersonCommandHandler(db, new FakeCurrentUser(editor.Role, editor.Id), database.Clock).Handle(command, CancellationToken.None);
    }

    private static UpdatePersonCommand Unchanged(Person person) =>
        new(person.Id, person.PositionOverride, person.TeamOverride, null, person.Role, person.HasLoginAccess, person.Status != PersonStatus.Inactive);

    [Fact]
    public async Task ListsCurrentPeopleOfTheWorkspaceOnlyGivenNoFilter()
    {
        await SeedAsync();

        var result = await DirectoryAsync(DirectoryFilter.Everyone);

        Assert.Equal(["Ada Lovelace", "bob Seller", "Cy Seller", "Mia Manager", "Tom Admin"], result.People.Items.Select(p => p.DisplayName));
        Assert.Equal(["IT", "Research", "Sales"], result.Teams);
        Assert.Null(result.Manager);
        Assert.Equal("Mia Manager", result.People.Items.Single(p => p.DisplayName == "bob Seller").ManagerName);
    }

    [Fact]
    public async Task TeamListAndManagerSuggestionsLeaveOutThoseOfLeaversOnlyGivenATeamAndAManagerWhoseReportsAllLeft()
    {
        await SeedAsync();
        await AddAsync("zed", "zed Lead", "Sales", null);
        await AddAsync("left", "Left Lawyer", "Legal", "oid-zed", p => p.MarkRemovedFromDirectory(database.Clock.GetUtcNow()));
        await AddAsync("amy", "Amy Analyst", "Sales", "oid-tom");

        var result = await DirectoryAsync(DirectoryFilter.Everyone);

        Assert.Equal(["IT", "Research", "Sales"], result.Teams);
        Assert.Equal(["Mia Manager", "Tom Admin"], (await FindManagersAsync(null)).Select(m => m.DisplayName));
    }

    [Fact]
    public async Task ManagerSuggestionsMatchPartOfANameOrEMailInNameOrderUpToTheMaximumGivenTypedText()
    {
        await SeedAsync();
        await AddAsync("amy", "Amy Analyst", "Sales", "oid-tom");
        await AddAsync("max", "Max Report", "Sales", "oid-amy");

        Assert.Equal(["Mia Manager"], (await FindManagersAsync("MIA")).Select(m => m.DisplayName));
        Assert.Equal(["tom@contoso.com"], (await FindManagersAsync("tom@")).Select(m => m.Email));
        Assert.Equal(["Amy Analyst", "Mia Manager"], (await FindManagersAsync("a", max: 2)).Select(m => m.DisplayName));
        Assert.Empty(await FindManagersAsync("alien"));

        var filtered = await DirectoryAsync(new DirectoryFilter(ManagerId: (await FindManagersAsync("amy")).Single().Id));
        Assert.Equal(("Amy Analyst", "amy@contoso.com"), (filtered.Manager!.DisplayName, filtered.Manager.Email));
        Assert.Equal(["Max Report"], filtered.People.Items.Select(p => p.DisplayName));
    }

    [Fact]
    public async Task WholeAddressFindsThatManagerAloneGivenAnotherManagersAddressContainingIt()
    {
        await SeedAsync();
        await AddAsync("amia", "Amia Lead", "Sales", "oid-tom");
        await AddAsync("max", "Max Report", "Sales", "oid-amia");

        Assert.Equal(["Amia Lead", "Mia Manager"], (await FindManagersAsync("mia@")).Select(m => m.DisplayName));
        Assert.Equal(["mia@contoso.com"], (await FindManagersAsync(" MIA@contoso.com ")).Select(m => m.Email));
        Assert.Equal(["Amia Lead", "Mia Manager"], (await FindManagersAsync("mia@contoso.co")).Select(m => m.DisplayName));
        Assert.Empty(await FindManagersAsync("bob@contoso.com"));
    }

    [Theory]
    [InlineData(DirectorySort.Name)]
    [InlineData(DirectorySort.Role)]
    [InlineData(DirectorySort.Team)]
    public async Task CountAndPageWalkAnIndexWithoutReadingEveryPersonsRowGivenEachOrder(DirectorySort sort)
    {
        await SeedAsync();

        var plans = await PlansAsync(new GetUserDirectoryQuery(DirectoryFilter.Everyone, sort, Page: 2, PageSize: 2), "COUNT(*)", "OFFSET", "\"p\".\"Id\" IN (", "DISTINCT");
        var (count, page, rows, teams) = (plans[0], plans[1], plans[2], plans[3]);

        Assert.Contains(count, step => step.Contains("COVERING INDEX IX_People_TenantId_Status", StringComparison.Ordinal));
        Assert.Contains(teams, step => step.Contains("COVERING INDEX IX_People_TenantId_Department_DisplayName_Id_Status", StringComparison.Ordinal));
        Assert.DoesNotContain(teams, step => step.Contains("CORRELATED", StringComparison.Ordinal));
        Assert.Contains(rows, step => step.Contains("IX_People_TenantId_Id (TenantId=? AND Id=?)", StringComparison.Ordinal));
        Assert.All(page, step => Assert.DoesNotContain("SCAN", step, StringComparison.Ordinal));
        Assert.Contains(page, step => step.Contains("COVERING INDEX", StringComparison.Ordinal));
        if (sort != DirectorySort.Team)
        {
            // Teams go last when a person has none, which no index order gives; their sort is of index entries alone.
            Assert.DoesNotContain(page, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task SearchReadsNamesAndAddressesFromTheNameIndexNotFromEveryRowGivenASearch()
    {
        await SeedAsync();

        var count = (await PlansAsync(new GetUserDirectoryQuery(new DirectoryFilter(Search: "contoso")), "COUNT(*)")).Single();

        Assert.Contains(count, step => step.Contains("COVERING INDEX IX_People_TenantId_DisplayName_Id_Status_Email", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true, null)]
    [InlineData(null, ProvisioningState.New)]
    public async Task LoginAccessAndStateFiltersCountAndPageFromTheNameIndexGivenEitherFilter(bool? loginAccess, ProvisioningState? state)
    {
        await SeedAsync();

        var plans = await PlansAsync(new GetUserDirectoryQuery(new DirectoryFilter(LoginAccess: loginAccess, State: state)), "COUNT(*)", "OFFSET");

        Assert.All(plans, plan => Assert.Contains(plan, step => step.Contains("COVERING INDEX IX_People_TenantId_DisplayName_Id_Status_Email_HasLoginAccess_ProvisioningState", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task EachPageHoldsItsOwnPeopleInOrderWithTheirManagersGivenPagesOfTwo()
    {
        await SeedAsync();

        var pages = new List<DirectoryPersonDto>();
        for (var page = 1; page <= 3; page++)
        {
            pages.AddRange((await DirectoryAsync(DirectoryFilter.Everyone, page: page, pageSize: 2)).People.Items);
        }

        Assert.Equal(["Ada Lovelace", "bob Seller", "Cy Seller", "Mia Manager", "Tom Admin"], pages.Select(p => p.DisplayName));
        Assert.Equal([null, "Mia Manager", "Mia Manager", null, null], pages.Select(p => p.ManagerName));
    }

    [Fact]
    public async Task SearchCountsEveryMatchAndPagesThemInOrderGivenPagesOfOneAndAPagePastTheLast()
    {
        await SeedAsync();

        var second = await DirectoryAsync(new DirectoryFilter(Search: "seller"), page: 2, pageSize: 1);
        var past = await DirectoryAsync(new DirectoryFilter(Search: "e"), sort: DirectorySort.Role, page: 99, pageSize: 2);

        Assert.Equal((2, 2, "Cy Seller"), (second.People.TotalCount, second.People.Page, second.People.Items.Single().DisplayName));
        Assert.Equal((4, 2), (past.People.TotalCount, past.People.Page));
        Assert.Equal(["bob Seller", "Cy Seller"], past.People.Items.Select(p => p.DisplayName));
    }

    [Fact]
    public async Task EachFilterNarrowsInSqlGivenSearchTeamRoleStatusLoginAndManager()
    {
        var people = await SeedAsync();

        Assert.Equal(["bob Seller"], (await DirectoryAsync(new DirectoryFilter(Search: "BOB"))).People.Items.Select(p => p.DisplayName));
        Assert.Equal(["Tom Admin"], (await DirectoryAsync(new DirectoryFilter(Search: "tom@contoso"))).People.Items.Select(p => p.DisplayName));
        Assert.Equal(3, (await DirectoryAsync(new DirectoryFilter(Team: "Sales"))).People.TotalCount);
        Assert.Equal(["Tom Admin"], (await DirectoryAsync(new DirectoryFilter(Role: PersonRole.TechnicalAdmin))).People.Items.Select(p => p.DisplayName));
        Assert.Equal(["Cy Seller"], (await DirectoryAsync(new DirectoryFilter(Status: PersonStatus.Inactive))).People.Items.Select(p => p.DisplayName));
        Assert.Equal(["Gone Person"], (await DirectoryAsync(new DirectoryFilter(Status: PersonStatus.Removed))).People.Items.Select(p => p.DisplayName));
        Assert.Equal(["Ada Lovelace", "Tom Admin"], (await DirectoryAsync(new DirectoryFilter(LoginAccess: true))).People.Items.Select(p => p.DisplayName));
        Assert.Equal(["bob Seller", "Cy Seller"], (await DirectoryAsync(new DirectoryFilter(ManagerId: people["oid-mia"].Id))).People.Items.Select(p => p.DisplayName));
        Assert.Empty((await DirectoryAsync(new DirectoryFilter(ManagerId: Guid.NewGuid()))).People.Items);
        Assert.Equal(0, (await DirectoryAsync(new DirectoryFilter(State: ProvisioningState.Blocked))).People.TotalCount);
    }

    [Fact]
    public async Task PagePastTheLastAnswersTheLastGivenPage999()
    {
        await SeedAsync();

        var result = await DirectoryAsync(DirectoryFilter.Everyone, DirectorySort.Role, page: 999, pageSize: 2);

        Assert.Equal((3, 3, 5), (result.People.Page, result.People.PageCount, result.People.TotalCount));
        Assert.Equal(["Cy Seller"], result.People.Items.Select(p => p.DisplayName));
        var byRole = await DirectoryAsync(DirectoryFilter.Everyone, DirectorySort.Role);
        Assert.Equal(["Ada Lovelace", "Tom Admin", "Mia Manager"], byRole.People.Items.Take(3).Select(p => p.DisplayName));
    }

    [Fact]
    public async Task EditIsSavedAndEachChangedValueAuditedGivenAnOwner()
    {
        var people = await SeedAsync();
        var bob = people["oid-bob"];

        await UpdateAsync(people["oid-ada"], Unchanged(bob) with { Position = "Lead", Team = "Key accounts", ManagerEmail = "ADA@contoso.com", Role = PersonRole.Manager, HasLoginAccess = true });

        using var scope = database.TenantContext.BeginScope(tenantId);
        await using var db = database.CreateContext();
        var saved = await db.People.SingleAsync(p => p.Id == bob.Id);
        Assert.Equal(("Lead", "Key accounts", "oid-ada", PersonRole.Manager, true), (saved.JobTitle, saved.Department, saved.ManagerExternalId, saved.Role, saved.HasLoginAccess));
        var entries = await db.AuditEntries.OrderBy(e => e.Action).Select(e => new { e.Action, e.Before, e.After, e.ByPersonId, e.Subject }).ToListAsync();
        Assert.Equal(["person.login.changed", "person.manager.changed", "person.position.changed", "person.role.changed", "person.team.changed"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal((people["oid-ada"].Id, "bob Seller"), (e.ByPersonId!.Value, e.Subject)));
        Assert.Contains(entries, e => e.Action == "person.manager.changed" && e.Before == "Mia Manager" && e.After == "Ada Lovelace");
        Assert.Contains(entries, e => e.Action == "person.role.changed" && e.Before == "Member" && e.After == "Manager");
    }

    [Fact]
    public async Task ReportingTreeAndTeamFilterFollowTheOverridesGivenAChangedManagerAndTeam()
    {
        var people = await SeedAsync();
        var bob = people["oid-bob"];
        await UpdateAsync(people["oid-ada"], Unchanged(bob) with { Team = "Research", ManagerEmail = "tom@contoso.com" });

        using var scope = database.TenantContext.BeginScope(tenantId);
        await using var db = database.CreateContext();
        Assert.DoesNotContain(bob.Id, await ReportFilterQueries.ReportingTreeAsync(db, people["oid-mia"].Id, CancellationToken.None));
        Assert.Contains(bob.Id, await ReportFilterQueries.ReportingTreeAsync(db, people["oid-tom"].Id, CancellationToken.None));
        var research = await db.People.AsNoTracking().FilteredByAsync(new ReportFilter(Team: "Research"), db, CancellationToken.None);
        Assert.Contains(bob.Id, await research.Select(p => p.Id).ToListAsync());
    }

    [Fact]
    public async Task TechnicalAdminIsRefusedAndNothingChangesGivenAnOwnerOrOwnershipOrTheirOwnRaise()
    {
        var people = await SeedAsync();
        var tom = people["oid-tom"];

        var makeOwner = await Assert.ThrowsAsync<DomainRuleViolationException>(() => UpdateAsync(tom, Unchanged(people["oid-bob"]) with { Role = PersonRole.Owner }));
        var demoteOwner = await Assert.ThrowsAsync<DomainRuleViolationException>(() => UpdateAsync(tom, Unchanged(people["oid-ada"]) with { Role = PersonRole.Member }));
        var lockOwnerOut = await Assert.ThrowsAsync<DomainRuleViolationException>(() => UpdateAsync(tom, Unchanged(people["oid-ada"]) with { HasLoginAccess = false }));
        var raiseSelf = await Assert.ThrowsAsync<DomainRuleViolationException>(() => UpdateAsync(tom, Unchanged(tom) with { Role = PersonRole.Executive }));
        await UpdateAsync(tom, Unchanged(people["oid-bob"]) with { Role = PersonRole.Executive });

        Assert.Contains("Only an Owner", makeOwner.Message, StringComparison.Ordinal);
        Assert.Contains("Only an Owner", demoteOwner.Message, StringComparison.Ordinal);
        Assert.Contains("Only an Owner", lockOwnerOut.Message, StringComparison.Ordinal);
        Assert.Contains("your own role", raiseSelf.Message, StringComparison.Ordinal);
        var after = await database.PeopleOfAsync(tenantId);
        Assert.Equal((PersonRole.Owner, true, PersonRole.TechnicalAdmin, PersonRole.Executive), (after["oid-ada"].Role, after["oid-ada"].HasLoginAccess, after["oid-tom"].Role, after["oid-bob"].Role));
    }

    [Fact]
    public async Task LastOwnerCannotStepDownOrLoseAccessUntilAnotherOwnerExists()
    {
        var people = await SeedAsync();
        var ada = people["oid-ada"];

        await Assert.ThrowsAsync<DomainRuleViolationException>(() => UpdateAsync(ada, Unchanged(ada) with { Role = PersonRole.Member }));
        await Assert.ThrowsAsync<DomainRuleViolationException>(() => UpdateAsync(ada, Unchanged(ada) with { IsActive = false }));
        await UpdateAsync(ada, Unchanged(people["oid-tom"]) with { Role = PersonRole.Owner });
        await UpdateAsync(ada, Unchanged(ada) with { Role = PersonRole.Member });

        var after = await database.PeopleOfAsync(tenantId);
        Assert.Equal((PersonRole.Member, PersonRole.Owner), (after["oid-ada"].Role, after["oid-tom"].Role));
    }

    [Fact]
    public async Task NotFoundAndUnknownManagerAreRefusedGivenAnotherWorkspacesPersonOrEmail()
    {
        var people = await SeedAsync();
        Guid foreignId;
        using (database.TenantContext.BeginScope(tenantId))
        {
            await using var db = database.CreateContext();
            foreignId = await db.People.IgnoreQueryFilters().Where(p => p.Email == "alien@fabrikam.com").Select(p => p.Id).SingleAsync();
        }

        await Assert.ThrowsAsync<NotFoundException>(() => UpdateAsync(people["oid-ada"], Unchanged(people["oid-bob"]) with { PersonId = foreignId }));
        var unknown = await Assert.ThrowsAsync<DomainRuleViolationException>(() => UpdateAsync(people["oid-ada"], Unchanged(people["oid-bob"]) with { ManagerEmail = "alien@fabrikam.com" }));
        Assert.Contains("Nobody in the directory", unknown.Message, StringComparison.Ordinal);
    }

    private async Task<int> ChangeAsync(Person editor, ChangePeopleCommand command)
    {
        using var scope = database.TenantContext.BeginScope(tenantId);
        await using var db = database.CreateContext();
        return await new ChangePeopleCommandHandler(db, database.TenantContext, new FakeCurrentUser(editor.Role, editor.Id), database.Clock).Handle(command, CancellationToken.None);
    }

    [Fact]
    public async Task BulkChangeOfEveryoneMatchingAFilterAuditsEachPersonChangedGivenATeamFilter()
    {
        var people = await SeedAsync();

        var changed = await ChangeAsync(people["oid-ada"], new ChangePeopleCommand([], new DirectoryFilter(Team: "Sales"), new PeopleChange(PeopleChangeKind.Role, Role: PersonRole.Executive)));
        var moved = await ChangeAsync(people["oid-ada"], new ChangePeopleCommand([people["oid-bob"].Id, people["oid-cy"].Id], null, new PeopleChange(PeopleChangeKind.Manager, ManagerEmail: "tom@contoso.com")));
        var renamed = await ChangeAsync(people["oid-ada"], new ChangePeopleCommand([people["oid-bob"].Id], null, new PeopleChange(PeopleChangeKind.Team, Team: "Key accounts")));

        Assert.Equal((3, 2, 1), (changed, moved, renamed));
        var after = await database.PeopleOfAsync(tenantId);
        Assert.All(new[] { "oid-mia", "oid-bob", "oid-cy" }, id => Assert.Equal(PersonRole.Executive, after[id].Role));
        Assert.Equal((PersonRole.Member, PersonRole.Owner), (after["oid-gone"].Role, after["oid-ada"].Role));
        Assert.Equal(("oid-tom", "oid-tom", "oid-mia"), (after["oid-bob"].ManagerExternalId, after["oid-cy"].ManagerExternalId, after["oid-cy"].DirectoryManagerExternalId));
        Assert.Equal(("Key accounts", "Sales"), (after["oid-bob"].Department, after["oid-bob"].DirectoryDepartment));
        using var scope = database.TenantContext.BeginScope(tenantId);
        await using var db = database.CreateContext();
        var entries = await db.AuditEntries.ToListAsync();
        Assert.Equal(3, entries.Count(e => e.Action == "person.role.changed" && e.After == "Executive"));
        Assert.Contains(entries, e => e.Action == "person.manager.changed" && e.Subject == "Cy Seller" && e.Before == "Mia Manager" && e.After == "Tom Admin");
        Assert.Contains(entries, e => e.Action == "person.team.changed" && e.Subject == "bob Seller" && e.Before == "Sales" && e.After == "Key accounts");
        Assert.Equal(6, entries.Count);
    }

    [Fact]
    public async Task BulkChangeIsRefusedWholeGivenAnOwnerInATechnicalAdminsSelectionOrTheLastOwnersAccess()
    {
        var people = await SeedAsync();
        var everyone = new DirectoryFilter();

        var ownerInSelection = await Assert.ThrowsAsync<DomainRuleViolationException>(() =>
            ChangeAsync(people["oid-tom"], new ChangePeopleCommand([], everyone, new PeopleChange(PeopleChangeKind.Role, Role: PersonRole.Member))));
        var lastOwner = await Assert.ThrowsAsync<DomainRuleViolationException>(() =>
            ChangeAsync(people["oid-ada"], new ChangePeopleCommand([], new DirectoryFilter(LoginAccess: true), new PeopleChange(PeopleChangeKind.LoginAccess, LoginAccess: false))));
        var inactive = await Assert.ThrowsAsync<DomainRuleViolationException>(() =>
            ChangeAsync(people["oid-ada"], new ChangePeopleCommand([people["oid-cy"].Id], null, new PeopleChange(PeopleChangeKind.LoginAccess, LoginAccess: true))));

        Assert.Contains("Only an Owner", ownerInSelection.Message, StringComparison.Ordinal);
        Assert.Contains("at least one active Owner", lastOwner.Message, StringComparison.Ordinal);
        Assert.Contains("1 of the selected people", inactive.Message, StringComparison.Ordinal);
        var after = await database.PeopleOfAsync(tenantId);
        Assert.Equal((PersonRole.Owner, true, PersonRole.Manager), (after["oid-ada"].Role, after["oid-ada"].HasLoginAccess, after["oid-mia"].Role));
        using var scope = database.TenantContext.BeginScope(tenantId);
        await using var db = database.CreateContext();
        Assert.False(await db.AuditEntries.AnyAsync());
    }

    [Fact]
    public async Task BulkScheduleUsesTheScheduleTabsModelAndMarksTheirDaysGivenPeopleWithAndWithoutSettings()
    {
        var people = await SeedAsync();
        Guid scheduleId;
        using (database.TenantContext.BeginScope(tenantId))
        {
            await using var db = database.CreateContext();
            var schedule = Domain.Schedules.NamedSchedule.Create(tenantId, "Early", Domain.Schedules.WeekPlan.From(Domain.Tenants.WorkSchedule.StandardWeek), database.Clock.GetUtcNow());
            db.NamedSchedules.Add(schedule);
            var own = Domain.Schedules.PersonScheduleSettings.For(tenantId, people["oid-bob"].Id);
            own.Change(null, 90, null, null, database.Clock.GetUtcNow());
            db.PersonScheduleSettings.Add(own);
            await db.SaveChangesAsync();
            scheduleId = schedule.Id;
        }

        var changed = await ChangeAsync(people["oid-ada"], new ChangePeopleCommand([people["oid-bob"].Id, people["oid-mia"].Id], null, new PeopleChange(PeopleChangeKind.Schedule, NamedScheduleId: scheduleId)));

        Assert.Equal(2, changed);
        using var scope = database.TenantContext.BeginScope(tenantId);
        await using var check = database.CreateContext();
        var settings = await check.PersonScheduleSettings.ToDictionaryAsync(s => s.PersonId);
        Assert.Equal((scheduleId, 90), (settings[people["oid-bob"].Id].NamedScheduleId!.Value, settings[people["oid-bob"].Id].TargetPercent!.Value));
        Assert.Equal(scheduleId, settings[people["oid-mia"].Id].NamedScheduleId);
        Assert.Equal(2, await check.AuditEntries.CountAsync(e => e.Action == "schedule.person.changed" && e.After == "schedule \u201cEarly\u201d"));
        Assert.Equal(2, await check.DirtyPersonDays.Select(d => d.PersonId).Distinct().CountAsync());
    }

    [Fact]
    public async Task BulkRoleChangeOf5000PeopleIsOneUpdateStatementGivenEveryoneMatching()
    {
        var people = await SeedAsync();
        using (database.TenantContext.BeginScope(tenantId))
        {
            await using var db = database.CreateContext();
            db.People.AddRange(Enumerable.Range(0, 5000).Select(i => Person.Import(
                tenantId, $"bulk-{i}", new DirectoryProfile($"bulk{i}@contoso.com", $"Bulk {i}", "Bulk", null, null), ProvisioningState.New, database.Clock.GetUtcNow())));
            await db.SaveChangesAsync();
        }

        var statements = new StatementCounter();
        int changed;
        using (database.TenantContext.BeginScope(tenantId))
        {
            await using var db = database.CreateContext(statements);
            changed = await new ChangePeopleCommandHandler(db, database.TenantContext, new FakeCurrentUser(PersonRole.Owner, people["oid-ada"].Id), database.Clock)
                .Handle(new ChangePeopleCommand([], new DirectoryFilter(Team: "Bulk"), new PeopleChange(PeopleChangeKind.Role, Role: PersonRole.Manager)), CancellationToken.None);
        }

        // One UPDATE whatever the number of people; how long it takes belongs to a Release benchmark, not to this test.
        Assert.Equal(5000, changed);
        Assert.Equal(1, statements.Updates);
        using var scope = database.TenantContext.BeginScope(tenantId);
        await using var check = database.CreateContext();
        Assert.Equal(5000, await check.People.CountAsync(p => p.Department == "Bulk" && p.Role == PersonRole.Manager));
        Assert.Equal(5000, await check.AuditEntries.CountAsync(e => e.Action == "person.role.changed"));
    }

    /// <summary>Counts the UPDATE statements a context sends.</summary>
    private sealed class StatementCounter : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        public int Updates { get; private set; }

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> NonQueryExecutingAsync(
            System.Data.Common.DbCommand command,
            Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("UPDATE", StringComparison.OrdinalIgnoreCase))
            {
                Updates++;
            }

            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
