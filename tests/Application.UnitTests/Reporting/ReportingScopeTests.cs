using WorkSights.Application.Reporting;
using WorkSights.Application.Reporting.GetScoreReport;
using WorkSights.Application.UnitTests.Support;
using WorkSights.Domain.Observers;
using WorkSights.Domain.Scores;

namespace WorkSights.Application.UnitTests.Reporting;

/// <summary>Who sees what in the Score Report, the observers' findings and Executive Overview (issue 11, item 9).</summary>
public sealed class ReportingScopeTests
{
    private static readonly NodaTime.LocalDate Friday = InsightsWorkspace.Today.PlusDays(-3);

    [Fact]
    public async Task ScoreReportListsEveryoneOfTheWorkspaceButNobodyElseGivenExecutive()
    {
        await using var workspace = await InsightsWorkspace.CreateAsync();

        var report = await workspace.ScoreReportAsync(workspace.Ceo, Friday);

        Assert.Equal(["Ada Ceo", "Bo Manager", "Cy Lead", "Di Developer", "Ed Member", "Fay Admin"], report.Rows.Items.Select(r => r.Name));
        Assert.True(report.ShowsScores);
        Assert.All(report.Rows.Items, r => Assert.NotNull(r.Score));
    }

    [Fact]
    public async Task ScoreReportShowsOnePageOfTheSortedPeopleAndAnswersAPagePastTheEndWithTheLast()
    {
        await using var workspace = await InsightsWorkspace.CreateAsync();

        var second = await workspace.ScoreReportAsync(workspace.Ceo, Friday, page: 2, pageSize: 4);
        var pastTheEnd = await workspace.ScoreReportAsync(workspace.Ceo, Friday, page: 9, pageSize: 4);
        var every = await workspace.ScoreReportAsync(workspace.Ceo, Friday, pageSize: GetScoreReportQuery.EveryRow);

        Assert.Equal(["Ed Member", "Fay Admin"], second.Rows.Items.Select(r => r.Name));
        Assert.Equal((2, 2, 6), (second.Rows.Page, second.Rows.PageCount, second.Rows.TotalCount));
        Assert.Equal(2, pastTheEnd.Rows.Page);
        Assert.Equal(second.Rows.Items, pastTheEnd.Rows.Items);
        Assert.Equal(6, every.Rows.Items.Count);
        Assert.Equal(1, every.Rows.PageCount);
    }

    [Fact]
    public async Task ScoreReportPagesADayInTheDatabaseGivenNamesInClearEitherWay()
    {
        await using var workspace = await InsightsWorkspace.CreateAsync();
        var reads = new ReaderCommands();

        var second = await workspace.ScoreReportAsync(workspace.Ceo, Friday, page: 2, pageSize: 4, reads: reads);
        var lastFirst = await workspace.ScoreReportAsync(workspace.Ceo, Friday, descending: true, page: 1, pageSize: 2);
        var pastTheEnd = await workspace.ScoreReportAsync(workspace.Ceo, Friday, descending: true, page: 7, pageSize: 4);

        Assert.Equal(["Ed Member", "Fay Admin"], second.Rows.Items.Select(r => r.Name));
        Assert.Equal((2, 2, 6), (second.Rows.Page, second.Rows.PageCount, second.Rows.TotalCount));
        Assert.All(second.Rows.Items, row => Assert.NotEmpty(row.Summary));
        Assert.Equal(["Fay Admin", "Ed Member"], lastFirst.Rows.Items.Select(r => r.Name));
        Assert.Equal(["Bo Manager", "Ada Ceo"], pastTheEnd.Rows.Items.Select(r => r.Name));
        var day = Assert.Single(reads.Commands, c => c.Sql.Contains("\"JobTitle\"", StringComparison.Ordinal));
        Assert.Contains("LIMIT", day.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScoreReportRowsCarryTheirOwnPersonsSummaryGivenAPageSortedByScore()
    {
        await using var workspace = await InsightsWorkspace.CreateAsync();

        var page = await workspace.ScoreReportAsync(workspace.Ceo, Friday, sort: ScoreReportSort.Score, descending: true, page: 2, pageSize: 2);
        var stored = await workspace.StoredSummariesAsync(Friday);

        Assert.Equal(2, page.Rows.Items.Count);
        Assert.All(page.Rows.Items, row => Assert.Equal(stored[row.PersonId], row.Summary));
        Assert.All(page.Rows.Items, row => Assert.NotEmpty(row.Summary));
    }

    [Fact]
    public async Task ScoreReportListsManagerAndDirectAndIndirectReportsGivenManager()
    {
        await using var workspace = await InsightsWorkspace.CreateAsync();

        var report = await workspace.ScoreReportAsync(workspace.Manager, Friday);

        Assert.Equal(["Bo Manager", "Cy Lead", "Di Developer"], report.Rows.Items.Select(r => r.Name));
    }

    [Fact]
    public async Task ScoreReportListsOnlyThemselvesGivenMember()
    {
        await using var workspace = await InsightsWorkspace.CreateAsync();

        var report = await workspace.ScoreReportAsync(workspace.Member, Friday);

        var row = Assert.Single(report.Rows.Items);
        Assert.Equal("Ed Member", row.Name);
        Assert.NotNull(row.Score);
    }

    [Fact]
    public async Task ScoreReportHasNoScoreAnywhereGivenMemberOfWorkspaceHidingScores()
    {
        await using var workspace = await InsightsWorkspace.CreateAsync(scoresVisibleToMembers: false);

        var report = await workspace.ScoreReportAsync(workspace.Member, Friday);

        Assert.False(report.ShowsScores);
        var row = Assert.Single(report.Rows.Items);
        Assert.Null(row.Score);
        Assert.Null(row.Band);
        Assert.True(row.Credited > TimeSpan.Zero);
        Assert.All(report.Days, d => Assert.Null(d.AverageScore));
    }

    [Fact]
    public async Task ScoreReportIsEmptyGivenTechnicalAdmin()
    {
        await using var workspace = await InsightsWorkspace.CreateAsync();

        var report = await workspace.ScoreReportAsync(workspace.Admin, Friday);

        Assert.Empty(report.Rows.Items);
        Assert.All(report.Days, d => Assert.Equal(0, d.People));
    }

    [Fact]
    public async Task ScoreReportIsEmptyGivenManagerFilterOfAnotherWorkspacesPerson()
    {
        await using var workspace = await InsightsWorkspace.CreateAsync();

        var report = await workspace.ScoreReportAsync(workspace.Ceo, Friday, new ReportFilter(ManagerId: workspace.Stranger.Id));

        Assert.Empty(report.Rows.Items);
    }

    [Fact]
    public async Task ScoreReportKeepsTheChosenRoleWithinTheViewersScope()
    {
        await using var workspace = await InsightsWorkspace.CreateAsync();

        var engineers = await workspace.ScoreReportAsync(workspace.Ceo, Friday, new ReportFilter(JobTitle: "Engineering role"));
        var executivesForAManager = await workspace.ScoreReportAsync(workspace.Manager, Friday, new ReportFilter(JobTitle: "Executive role"));

        Assert.Equal(["Bo Manager", "Cy Lead", "Di Developer"], engineers.Rows.Items.Select(r => r.Name));
        Assert.All(engineers.Rows.Items, r => Assert.Equal("Engineering role", r.Role));
        Assert.All(engineers.Days, d => Assert.InRange(d.People, 0, 3));
        Assert.Contains(engineers.Days, d => d.People == 3);
        Assert.Empty(executivesForAManager.Rows.Items);
    }

    [Fact]
    public async Task ScoreReportKeepsManagersTreeGivenManagerFilter()
    {
        await using var workspace = await InsightsWorkspace.CreateAsync();

        var report = await workspace.ScoreReportAsync(workspace.Ceo, Friday, new ReportFilter(ManagerId: workspace.Lead.Id));

        Assert.Equal(["Cy Lead", "Di Developer"], report.Rows.Items.Select(r => r.Name));
    }

    [Fact]
    public async Task ScoreReportKeepsOneTeamGivenTeamFilter()
    {
        await using var workspace = await InsightsWorkspace.CreateAsync();

        var team = await workspace.ScoreReportAsync(workspace.Ceo, Friday, new ReportFilter(Team: "Sales"));
        var noTeam = await workspace.ScoreReportAsync(workspace.Ceo, Friday, new ReportFilter(Team: ReportFilter.NoTeam));

        Assert.Equal(["Ed Member"], team.Rows.Items.Select(r => r.Name));
        Assert.Equal(["Fay Admin"], noTeam.Rows.Items.Select(r => r.Name));
    }

    [Fact]
    public async Task ScoreReportSortsByScoreDescending()
    {
        await using var workspace = await InsightsWorkspace.CreateAsync();

        var report = await workspace.ScoreReportAsync(workspace.Ceo, Friday, sort: ScoreReportSort.Score, descending: true);

        Assert.Equal(report.Rows.Items.Select(r => r.Score).OrderByDescending(s => s), report.Rows.Items.Select(r => r.Score));
        Assert.Equal("Bo Manager", report.Rows.Items[0].Name);
        Assert.Equal(ScoreBand.Purple, report.Rows.Items[0].Band);
    }

    [Fact]
    public async Task DailyAveragesCoverEveryDateAndAverageWorkDaysOnly()
    {
        await using var workspace = await InsightsWorkspace.CreateAsync();

        var report = await workspace.ScoreReportAsync(workspace.Manager, Friday);

        Assert.Equal(7, report.Days.Count);
        var friday = report.Days.Single(d => d.Date == Friday);
        var scores = report.Rows.Items.Select(r => r.Score!.Value).ToList();
        Assert.Equal((int)Math.Round(scores.Average(), MidpointRounding.AwayFromZero), friday.AverageScore);
        Assert.Null(report.Days.Single(d => d.Date == Friday.PlusDays(1)).AverageScore);
    }

    [Fact]
    public async Task TeamFindingsNameOverloadAndVeryLightStreaksGivenExecutive()
    {
        await using var workspace = await InsightsWorkspace.CreateAsync();

        var findings = await workspace.TeamFindingsAsync(workspace.Ceo);

        var overload = Assert.Single(findings, f => f.Rule == ObserverRule.Overload);
        Assert.Equal("Bo Manager", overload.PersonName);
        Assert.StartsWith("Overloaded (score above 130) 10 work days in a row (17 Feb–2 Mar: ", overload.Explanation, StringComparison.Ordinal);
        Assert.Contains(findings, f => f.Rule == ObserverRule.VeryLight && f.PersonName == "Di Developer");
        Assert.DoesNotContain(findings, f => f.PersonId == workspace.Stranger.Id);
    }

    [Fact]
    public async Task TeamFindingsStayInsideTheTreeGivenManager()
    {
        await using var workspace = await InsightsWorkspace.CreateAsync();

        var findings = await workspace.TeamFindingsAsync(workspace.Manager);

        Assert.All(findings, f => Assert.Contains(f.PersonId, new[] { workspace.Manager.Id, workspace.Lead.Id, workspace.Developer.Id }));
        Assert.Contains(findings, f => f.PersonId == workspace.Developer.Id);
    }

    [Fact]
    public async Task MyFindingsAreOnlyOwn()
    {
        await using var workspace = await InsightsWorkspace.CreateAsync();

        var findings = await workspace.MyFindingsAsync(workspace.Manager);

        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal(workspace.Manager.Id, f.PersonId));
    }

    [Fact]
    public async Task MyFindingsLeaveScoreRulesOutGivenMemberOfWorkspaceHidingScores()
    {
        await using var workspace = await InsightsWorkspace.CreateAsync(scoresVisibleToMembers: false);

        var findings = await workspace.MyFindingsAsync(workspace.Developer);

        Assert.DoesNotContain(findings, f => f.Rule is ObserverRule.Overload or ObserverRule.VeryLight);
    }

    [Fact]
    public async Task ExecutiveOverviewHasFourteenDaysAndAHeatmapOfWorkHours()
    {
        await using var workspace = await InsightsWorkspace.CreateAsync();

        var overview = await workspace.ExecutiveOverviewAsync(workspace.Ceo);

        Assert.Equal(14, overview.Fortnight.Count);
        Assert.Equal(InsightsWorkspace.Today, overview.To);
        Assert.All(overview.Heatmap, c => Assert.Equal(9, c.Hour));
        Assert.Equal(6 * 2, overview.Heatmap.Single(c => c.Weekday == NodaTime.IsoDayOfWeek.Monday).Items);
        Assert.DoesNotContain(overview.Heatmap, c => c.Weekday == NodaTime.IsoDayOfWeek.Saturday);
    }

    [Fact]
    public async Task ExecutiveOverviewFeedNamesTheNewestItemsOfThePeopleTheViewerSeesNewestFirst()
    {
        await using var workspace = await InsightsWorkspace.CreateAsync();
        var morning = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        await workspace.AddActivityAsync(workspace.Developer, morning, Domain.Activities.ActivityKind.Meeting, "Leeds");
        await workspace.AddActivityAsync(workspace.Member, morning.AddHours(1), Domain.Activities.ActivityKind.Call, "York");
        await workspace.AddActivityAsync(workspace.Stranger, morning.AddHours(2), Domain.Activities.ActivityKind.Call, "Bath");

        var ceo = await workspace.ExecutiveOverviewAsync(workspace.Ceo);
        var manager = await workspace.ExecutiveOverviewAsync(workspace.Manager);

        Assert.Equal([("Ed Member", "York"), ("Di Developer", "Leeds")], ceo.Feed.Select(f => (f.Name, f.City)));
        Assert.Equal(new NodaTime.LocalDateTime(2026, 3, 2, 10, 0), ceo.Feed[0].LocalTime);
        Assert.Equal(["Di Developer"], manager.Feed.Select(f => f.Name));
    }

    [Fact]
    public async Task ExecutiveOverviewHeatmapCountsOnlyTheTeamGivenTeamFilter()
    {
        await using var workspace = await InsightsWorkspace.CreateAsync();

        var overview = await workspace.ExecutiveOverviewAsync(workspace.Ceo, new ReportFilter(Team: "Engineering"));

        Assert.Equal(3 * 2, overview.Heatmap.Single(c => c.Weekday == NodaTime.IsoDayOfWeek.Monday).Items);
    }

    [Fact]
    public async Task ExecutiveOverviewHeatmapKeepsOnlyDaysWithTheCategoryGivenCategoryFilter()
    {
        await using var workspace = await InsightsWorkspace.CreateAsync();

        var calls = await workspace.ExecutiveOverviewAsync(workspace.Ceo, new ReportFilter(Category: Domain.Activities.ActivityCategory.Call));
        var emails = await workspace.ExecutiveOverviewAsync(workspace.Ceo, new ReportFilter(Category: Domain.Activities.ActivityCategory.Email));

        Assert.Equal(6 * 2, calls.Heatmap.Single(c => c.Weekday == NodaTime.IsoDayOfWeek.Monday).Items);
        Assert.Empty(emails.Heatmap);
    }

    [Fact]
    public async Task WorkspaceGroupDaysGiveTheSameDailyAveragesAsEveryPersonDay()
    {
        await using var workspace = await InsightsWorkspace.CreateAsync();

        var (fromPersonDays, fromGroupDays) = await workspace.DailyAveragesBothWaysAsync();

        Assert.Equal(14, fromPersonDays.Count);
        Assert.Contains(fromPersonDays, d => d.People > 1 && d.AverageScore is not null);
        Assert.Equal(fromPersonDays, fromGroupDays);
    }
}
