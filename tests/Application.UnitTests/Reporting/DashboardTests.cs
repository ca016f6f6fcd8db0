using WorkSights.Application.Reporting;
using WorkSights.Application.Reporting.GetDashboard;
using WorkSights.Application.Scores;
using WorkSights.Application.UnitTests.Support;
using WorkSights.Domain.Activities;
using WorkSights.Domain.People;
using WorkSights.Domain.Scores;

namespace WorkSights.Application.UnitTests.Reporting;

public sealed class DashboardTests : IAsyncLifetime
{
    private ReportingWorkspace w = null!;

    public async Task InitializeAsync()
    {
        w = await ReportingWorkspace.CreateAsync();
        await w.AddItemAsync(w.Zoe, ActivityKind.Meeting, ReportingWorkspace.At(9), TimeSpan.FromHours(6));
        await w.AddItemAsync(w.Raj, ActivityKind.Meeting, ReportingWorkspace.At(10), TimeSpan.FromHours(2));
        await w.AddItemAsync(w.Raj, ActivityKind.EmailSent, ReportingWorkspace.At(13), CreditingRules.SentEmail);
        await w.AddItemAsync(w.Tom, ActivityKind.CalendarBlock, ReportingWorkspace.At(14), TimeSpan.FromHours(1), counterparts: 0);
        foreach (var person in new[] { w.Zoe, w.Raj, w.Tom })
        {
            await w.ComputeDayAsync(person);
        }
    }

    public Task DisposeAsync()
    {
        w.Dispose();
        return Task.CompletedTask;
    }

    private Task<DashboardDto> DashboardAsync(Person viewer, ReportFilter? filter = null, DashboardSort sort = DashboardSort.Name, int page = 1, int pageSize = 25) =>
        w.AsAsync(viewer, async (db, scopes, calendars) =>
            await new GetDashboardQueryHandler(db, scopes, w.Privacy(db), calendars).Handle(new GetDashboardQuery(ReportingWorkspace.Day, filter ?? ReportFilter.None, sort, page, pageSize), CancellationToken.None));

    [Fact]
    public async Task PagesItemsAreReadPersonByPersonAlongThePersonTimeIndexGivenATimeIndexToo()
    {
        var reads = new ReaderCommands();
        var plan = await w.AsAsync(
            w.Ceo,
            async (db, scopes, calendars) =>
            {
                await new GetDashboardQueryHandler(db, scopes, w.Privacy(db), calendars).Handle(new GetDashboardQuery(ReportingWorkspace.Day, ReportFilter.None), CancellationToken.None);
                var items = reads.Commands.Single(c => c.Sql.Contains("FROM \"Activities\"", StringComparison.Ordinal) && c.Sql.Contains("\"OccurredAt\" <", StringComparison.Ordinal));
                return await ReaderCommands.PlanAsync(db, items);
            },
            reads);

        // Along the workspace's time index SQLite would read every person's items of those days, not the page's.
        Assert.Contains(plan, step => step.Contains("IX_Activities_TenantId_PersonId_OccurredAt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryonesScoreOfTheDayIsReadFromAnIndexAndOnlyThePagesDaysAreReadWhole()
    {
        var reads = new ReaderCommands();
        var plans = await w.AsAsync(
            w.Ceo,
            async (db, scopes, calendars) =>
            {
                await new GetDashboardQueryHandler(db, scopes, w.Privacy(db), calendars)
                    .Handle(new GetDashboardQuery(ReportingWorkspace.Day, ReportFilter.None, DashboardSort.Score, Page: 1, PageSize: 2), CancellationToken.None);
                var days = reads.Commands.Where(c => c.Sql.Contains("FROM \"PersonDays\"", StringComparison.Ordinal)).ToList();
                return (Everyone: await ReaderCommands.PlanAsync(db, days[0]), Page: await ReaderCommands.PlanAsync(db, days[1]));
            },
            reads);

        Assert.Contains(plans.Everyone, step => step.Contains("COVERING INDEX IX_PersonDays_TenantId_Date_PersonId_Score", StringComparison.Ordinal));
        Assert.Contains(plans.Page, step => step.StartsWith("SEARCH", StringComparison.Ordinal) && step.Contains("PersonId=?", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ANamePageIsCountedAndReadInTheDatabaseNotFromEveryonesRowsGivenNamesInClear()
    {
        var reads = new ReaderCommands();
        var view = await w.AsAsync(
            w.Ceo,
            async (db, scopes, calendars) => await new GetDashboardQueryHandler(db, scopes, w.Privacy(db), calendars)
                .Handle(new GetDashboardQuery(ReportingWorkspace.Day, ReportFilter.None, DashboardSort.Name, Page: 2, PageSize: 2), CancellationToken.None),
            reads);

        Assert.Equal(["Raj", "Tom"], view.Rows.Items.Select(r => r.Name));
        Assert.Equal(5, view.Rows.TotalCount);
        Assert.Equal(3, view.PeopleWithResults);
        var names = Assert.Single(reads.Commands, c => c.Sql.Contains("FROM \"People\"", StringComparison.Ordinal) && c.Sql.Contains("\"DisplayName\"", StringComparison.Ordinal));
        Assert.Contains("LIMIT", names.Sql, StringComparison.Ordinal);
        Assert.DoesNotContain(reads.Commands, c => c.Sql.Contains("FROM \"PersonDays\"", StringComparison.Ordinal) && !c.Sql.Contains("COUNT(*)", StringComparison.Ordinal)
            && !c.Sql.Contains("\"PersonId\" IN", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ManagerSeesThemselvesAndTheirDirectAndIndirectReportsOnly()
    {
        var view = await DashboardAsync(w.Mia);

        Assert.Equal(["Mia", "Raj", "Zoe"], view.Rows.Items.Select(r => r.Name));
    }

    [Fact]
    public async Task ExecutiveSeesEveryoneOfTheirWorkspaceAndNobodyElse()
    {
        var view = await DashboardAsync(w.Ceo);

        Assert.Equal(["Ceo", "Mia", "Raj", "Tom", "Zoe"], view.Rows.Items.Select(r => r.Name));
        Assert.Equal(3, view.PeopleWithResults);
    }

    [Fact]
    public async Task RowsCarryTheStoredResultAndTheDaysItemsOnTheBar()
    {
        var zoe = (await DashboardAsync(w.Ceo)).Rows.Items.Single(r => r.Name == "Zoe");

        Assert.True(zoe.HasResult);
        Assert.Equal(TimeSpan.FromHours(6), zoe.Credited);
        Assert.Equal(94, zoe.Score); // 6 h of an 8 h × 80 % = 6 h 24 min target
        Assert.Equal(ScoreBand.Green, zoe.Band);
        var item = Assert.Single(zoe.Timeline.Items);
        Assert.Equal(ReportingWorkspace.At(9), item.Start);
        Assert.Equal(ReportingWorkspace.At(15), item.End);
        Assert.Equal(ReportingWorkspace.At(9), zoe.Timeline.WorkStart);
        Assert.Equal(TimeSpan.FromHours(24), zoe.Timeline.Length);
    }

    [Fact]
    public async Task BarDrawsAFixedCreditItemAsLongAsTheWorkspacesCreditingTableCountsIt()
    {
        var tuned = new CreditingTable(
            TimeSpan.FromMinutes(20), CreditingRules.CalendarResponse, CreditingRules.ChatMessage, CreditingRules.FileAction, CreditingRules.SignIn, Activity.MaximumCreditedDuration);
        await w.InWorkspaceAsync(w.Ceo.TenantId, db => WorkspaceCreditingTable.ChangeAsync(db, w.Ceo.TenantId, new WorkSights.Domain.Audit.AuditActor(w.Ceo.Id, null), ReportingWorkspace.At(8), tuned, CancellationToken.None));

        var raj = (await DashboardAsync(w.Ceo)).Rows.Items.Single(r => r.Name == "Raj");

        var email = Assert.Single(raj.Timeline.Items, i => i.Kind == ActivityKind.EmailSent);
        Assert.Equal(TimeSpan.FromMinutes(20), email.End - email.Start);
    }

    [Fact]
    public async Task SortsByScoreHighestFirstWithUnscoredPeopleLast()
    {
        var view = await DashboardAsync(w.Ceo, sort: DashboardSort.Score);

        Assert.Equal(["Zoe", "Raj", "Tom", "Ceo", "Mia"], view.Rows.Items.Select(r => r.Name));
    }

    [Fact]
    public async Task PagesHoldTheRequestedNumberOfPeople()
    {
        var second = await DashboardAsync(w.Ceo, page: 2, pageSize: 2);

        Assert.Equal(["Raj", "Tom"], second.Rows.Items.Select(r => r.Name));
        Assert.Equal(5, second.Rows.TotalCount);
        Assert.Equal(3, second.Rows.PageCount);
    }

    [Fact]
    public async Task TeamAndManagerFiltersNarrowTheRows()
    {
        var sales = await DashboardAsync(w.Ceo, new ReportFilter(Team: "Sales"));
        var underRaj = await DashboardAsync(w.Ceo, new ReportFilter(ManagerId: w.Raj.Id));
        var foreignManager = await DashboardAsync(w.Ceo, new ReportFilter(ManagerId: w.Oli.Id));

        Assert.Equal(["Mia", "Raj", "Zoe"], sales.Rows.Items.Select(r => r.Name));
        Assert.Equal(["Raj", "Zoe"], underRaj.Rows.Items.Select(r => r.Name));
        Assert.Empty(foreignManager.Rows.Items);
    }

    [Fact]
    public async Task CategoryFilterKeepsOnlyThatCategoryOnTheBars()
    {
        var view = await DashboardAsync(w.Ceo, new ReportFilter(Category: ActivityCategory.Email));

        var raj = view.Rows.Items.Single(r => r.Name == "Raj");
        Assert.Equal([ActivityCategory.Email], raj.Timeline.Items.Select(i => i.Category));
    }

    [Fact]
    public async Task MemberOfAWorkspaceHidingScoresSeesTheirBarButNoScore()
    {
        await w.InWorkspaceAsync(w.Zoe.TenantId, async db => (await db.Tenants.FindAsync(w.Zoe.TenantId))!.ShowScoresToMembers(false));

        var view = await DashboardAsync(w.Zoe, sort: DashboardSort.Score);

        var zoe = Assert.Single(view.Rows.Items);
        Assert.False(view.SeesScores);
        Assert.Null(zoe.Score);
        Assert.Null(zoe.Band);
        Assert.Equal(TimeSpan.FromHours(6), zoe.Credited);
        Assert.Equal(DashboardSort.Name, view.Sort);
        Assert.NotEmpty(zoe.Timeline.Items);
    }

    [Fact]
    public void ValidatorRefusesPagesOutOfRangeInWords()
    {
        var errors = new GetDashboardQueryValidator().Validate(new GetDashboardQuery(ReportingWorkspace.Day, ReportFilter.None, DashboardSort.Name, 0, 1000)).Errors;

        Assert.Contains(errors, e => e.ErrorMessage == "Page numbers start at 1.");
        Assert.Contains(errors, e => e.ErrorMessage.StartsWith("A page holds between 1 and", StringComparison.Ordinal));
    }
}
