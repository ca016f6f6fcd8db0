using WorkSights.Application.Reporting;
using WorkSights.Application.Reporting.GetActivityDetail;
using WorkSights.Application.Reporting.GetActivityStream;
using WorkSights.Application.Reporting.GetDashboard;
using WorkSights.Application.Reporting.GetMapPlaces;
using WorkSights.Application.Reporting.GetMyOverview;
using WorkSights.Application.Reporting.GetScoreReport;
using WorkSights.Application.UnitTests.Support;
using WorkSights.Domain.Activities;
using WorkSights.Domain.People;

namespace WorkSights.Application.UnitTests.Reporting;

/// <summary>
/// The reporting queries that join people's rows to the people shown must find each person by id, whatever SQLite
/// guesses without statistics: at 2,000 people × 90 days the observers' seven weeks (≈ 100,000 person-days) took 13 s
/// when each row searched the whole workspace's people for its name.
/// </summary>
public sealed class ReportingQueryPlanTests
{
    /// <summary>Each viewer with no filter, a team, one person, and a role (job title).</summary>
    public static TheoryData<string, string?> ViewersAndFilters => new()
    {
        { "ceo", null },
        { "ceo", "team" },
        { "ceo", "person" },
        { "ceo", "role" },
        { "manager", null },
        { "manager", "team" },
        { "manager", "person" },
        { "manager", "role" },
    };

    private static ReportFilter FilterOf(string? narrowing, Guid person) => narrowing switch
    {
        "team" => new ReportFilter(Team: "Engineering"),
        "person" => new ReportFilter(PersonId: person),
        "role" => new ReportFilter(JobTitle: "Engineering role"),
        _ => ReportFilter.None,
    };

    [Theory]
    [MemberData(nameof(ViewersAndFilters))]
    public async Task NoQueryOfTheOverviewsFindingsOrScoreReportReadsAWholeWorkspaceForEachRow(string viewer, string? narrowing)
    {
        await using var workspace = await InsightsWorkspace.CreateAsync();
        var person = viewer == "ceo" ? workspace.Ceo : workspace.Manager;
        var filter = FilterOf(narrowing, workspace.Lead.Id);
        var reads = new ReaderCommands();

        await workspace.ExecutiveOverviewAsync(person, filter, reads);
        await workspace.ExecutiveOverviewAsync(person, filter with { Category = ActivityCategory.Meeting }, reads);
        await workspace.TeamFindingsAsync(person, filter, reads);
        await workspace.MyFindingsAsync(person, reads);
        foreach (var sort in Enum.GetValues<ScoreReportSort>())
        {
            await workspace.ScoreReportAsync(person, InsightsWorkspace.Today.PlusDays(-3), filter, sort, reads: reads);
        }

        var plans = await workspace.PlansAsync(reads);
        AssertNoLoopReadsAWholeWorkspaceForEachRow(plans);
    }

    [Theory]
    [MemberData(nameof(ViewersAndFilters))]
    public async Task NoQueryOfTheDashboardStreamMapOrADaysDetailReadsAWholeWorkspaceForEachRow(string viewer, string? narrowing)
    {
        using var workspace = await StreamWorkspace.CreateAsync();
        var (key, role) = viewer == "ceo" ? ("olivia", PersonRole.Owner) : ("hana", PersonRole.Manager);
        await workspace.AddActivityAsync("sam", StreamWorkspace.Day.AtStartOfDayInZone(NodaTime.DateTimeZone.Utc).PlusHours(10).ToDateTimeOffset(), ActivityKind.Meeting);
        await workspace.AddLocationAsync("sam", "Oslo", 59.91, 10.75, 3);
        var filter = FilterOf(narrowing, workspace.People["sam"].Id);
        var day = StreamWorkspace.Day.ToDateOnly();
        var reads = new ReaderCommands();

        var plans = await workspace.AsAsync(
            key,
            role,
            async (db, scopes, calendars, _) =>
            {
                var privacy = workspace.Privacy(db);
                foreach (var sort in Enum.GetValues<DashboardSort>())
                {
                    await new GetDashboardQueryHandler(db, scopes, privacy, calendars).Handle(new GetDashboardQuery(day, filter, sort), CancellationToken.None);
                }

                await new GetActivityStreamQueryHandler(db, scopes, privacy, calendars).Handle(new GetActivityStreamQuery(StreamWorkspace.Day, filter, null, 50), CancellationToken.None);
                await new GetMapPlacesQueryHandler(db, scopes, privacy, calendars).Handle(new GetMapPlacesQuery(StreamWorkspace.Day, filter), CancellationToken.None);
                await new GetActivityDetailQueryHandler(db, scopes, calendars).Handle(new GetActivityDetailQuery(workspace.People["sam"].Id, day), CancellationToken.None);
                await new GetMyOverviewQueryHandler(db, scopes).Handle(new GetMyOverviewQuery(day.AddDays(-27), day), CancellationToken.None);
                return await reads.PlansAsync(db);
            },
            reads);

        AssertNoLoopReadsAWholeWorkspaceForEachRow(plans);
    }

    private static void AssertNoLoopReadsAWholeWorkspaceForEachRow(List<(string Sql, List<ReaderCommands.PlanStep> Plan)> plans)
    {
        Assert.NotEmpty(plans);
        Assert.All(plans, p => Assert.True(
            !ReaderCommands.RowByRowReadsOfAWholeWorkspace(p.Plan).Any(),
            $"{string.Join(Environment.NewLine, p.Plan.Select(s => $"{s.Parent,3} {s.Id,3} {s.Detail}"))}{Environment.NewLine}{p.Sql}"));
    }
}
