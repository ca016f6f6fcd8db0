using WorkSights.Application.Reporting.GetMyOverview;
using WorkSights.Domain.Activities;
using WorkSights.Domain.People;

namespace WorkSights.Application.UnitTests.Reporting;

public sealed class MyOverviewTests : IAsyncLifetime
{
    private ReportingWorkspace w = null!;

    public async Task InitializeAsync()
    {
        w = await ReportingWorkspace.CreateAsync();
        await w.AddItemAsync(w.Zoe, ActivityKind.Meeting, ReportingWorkspace.At(9), TimeSpan.FromHours(6));
        await w.AddItemAsync(w.Raj, ActivityKind.Meeting, ReportingWorkspace.At(9), TimeSpan.FromHours(8));
        await w.ComputeDayAsync(w.Zoe);
        await w.ComputeDayAsync(w.Zoe, ReportingWorkspace.Day.AddDays(-2)); // a Saturday without activity
        await w.ComputeDayAsync(w.Raj);
    }

    public Task DisposeAsync()
    {
        w.Dispose();
        return Task.CompletedTask;
    }

    private Task<MyOverviewDto> OverviewAsync(Person viewer, int days = 28) =>
        w.AsAsync(viewer, async (db, scopes, _) =>
            await new GetMyOverviewQueryHandler(db, scopes).Handle(new GetMyOverviewQuery(ReportingWorkspace.Day.AddDays(1 - days), ReportingWorkspace.Day), CancellationToken.None));

    [Fact]
    public async Task ListsEveryDayOfTheRangeWithOwnResultsOnly()
    {
        var view = await OverviewAsync(w.Zoe, 14);

        Assert.Equal(14, view.Days.Count);
        Assert.Equal(2, view.Days.Count(d => d.HasResult));
        var today = view.Days[^1];
        Assert.Equal((TimeSpan.FromHours(6), 94), (today.Credited, today.Score));
        Assert.Contains("score 94", today.Summary, StringComparison.Ordinal);
        Assert.False(view.Days[^3].IsWorkDay);
        Assert.Equal(94, view.AverageScore);
    }

    [Fact]
    public async Task MemberOfAWorkspaceHidingScoresSeesHoursWithoutScores()
    {
        await w.InWorkspaceAsync(w.Zoe.TenantId, async db => (await db.Tenants.FindAsync(w.Zoe.TenantId))!.ShowScoresToMembers(false));

        var view = await OverviewAsync(w.Zoe);

        Assert.False(view.SeesScores);
        Assert.All(view.Days, d => Assert.Null(d.Score));
        Assert.All(view.Days, d => Assert.Null(d.Band));
        Assert.Null(view.AverageScore);
        Assert.Equal(TimeSpan.FromHours(6), view.Credited);
        Assert.DoesNotContain("score", view.Days[^1].Summary, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ThePeriodIsSetBesideAsManyDaysJustBeforeIt()
    {
        var twoWeeksEarlier = ReportingWorkspace.Day.AddDays(-14);
        var at = new DateTimeOffset(twoWeeksEarlier.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        await w.AddItemAsync(w.Zoe, ActivityKind.Meeting, at, TimeSpan.FromHours(2));
        await w.AddItemAsync(w.Zoe, ActivityKind.Call, at.AddHours(9), TimeSpan.FromHours(2)); // 18:00-20:00, after hours
        var earlier = await w.ComputeDayAsync(w.Zoe, twoWeeksEarlier);
        await w.ComputeDayAsync(w.Zoe, ReportingWorkspace.Day.AddDays(-15)); // 15 days back: outside a 14-day comparison

        var view = await OverviewAsync(w.Zoe, 14);
        var week = await OverviewAsync(w.Zoe, 7);

        Assert.Equal(new PeriodFigures(1, 94, TimeSpan.FromHours(6), TimeSpan.Zero, 100), view.ThisPeriod);
        Assert.Equal(new PeriodFigures(1, earlier.Score, TimeSpan.FromHours(4), TimeSpan.FromHours(2), 50), view.PeriodBefore);
        Assert.Null(week.PeriodBefore);
    }

    [Fact]
    public void PeriodFiguresArePerComputedWorkDayWithTheScoresOnlyForThoseWhoSeeThem()
    {
        DayFigures[] days =
        [
            new(true, TimeSpan.FromHours(6), TimeSpan.FromMinutes(30), TimeSpan.FromHours(3), 94),
            new(true, TimeSpan.FromHours(4), TimeSpan.Zero, TimeSpan.FromHours(1), 62),
            new(false, TimeSpan.FromHours(1), TimeSpan.FromHours(1), TimeSpan.Zero, null),
        ];

        Assert.Equal(new PeriodFigures(2, 78, TimeSpan.FromHours(5), TimeSpan.FromMinutes(15), 40), PeriodFigures.Of(days, seesScores: true));
        Assert.Null(PeriodFigures.Of(days, seesScores: false)!.AverageScore);
        Assert.Null(PeriodFigures.Of([days[2]], seesScores: true));
        Assert.Equal(0, PeriodFigures.Of([new(true, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, 0)], seesScores: true)!.MeetingSharePercent);
    }

    [Fact]
    public void ValidatorRefusesBackwardsAndOverlongRangesInWords()
    {
        var validator = new GetMyOverviewQueryValidator();

        Assert.Contains(validator.Validate(new GetMyOverviewQuery(ReportingWorkspace.Day, ReportingWorkspace.Day.AddDays(-1))).Errors, e => e.ErrorMessage == "The range ends on or after the day it starts.");
        Assert.Contains(validator.Validate(new GetMyOverviewQuery(ReportingWorkspace.Day.AddDays(-400), ReportingWorkspace.Day)).Errors, e => e.ErrorMessage == "A range covers at most 366 days.");
    }
}
