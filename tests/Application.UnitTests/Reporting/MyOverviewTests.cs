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
    public void ValidatorRefusesBackwardsAndOverlongRangesInWords()
    {
        var validator = new GetMyOverviewQueryValidator();

        Assert.Contains(validator.Validate(new GetMyOverviewQuery(ReportingWorkspace.Day, ReportingWorkspace.Day.AddDays(-1))).Errors, e => e.ErrorMessage == "The range ends on or after the day it starts.");
        Assert.Contains(validator.Validate(new GetMyOverviewQuery(ReportingWorkspace.Day.AddDays(-400), ReportingWorkspace.Day)).Errors, e => e.ErrorMessage == "A range covers at most 366 days.");
    }
}
