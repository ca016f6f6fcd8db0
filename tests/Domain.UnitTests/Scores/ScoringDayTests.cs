using WorkSights.Domain.Activities;
using WorkSights.Domain.Common;
using WorkSights.Domain.Scores;
using static WorkSights.Domain.UnitTests.Scores.ScoringExamples;

namespace WorkSights.Domain.UnitTests.Scores;

public sealed class ScoringDayTests
{
    private static readonly DateTimeOffset Midnight = At(Monday, 0);

    [Fact]
    public void DailyTargetIsScheduledHoursTimesTargetPercent()
    {
        Assert.Equal(Hm(6, 24), Day(Monday).DailyTarget);
        Assert.Equal(Hm(6), Day(Monday, workEnd: (16, 30)).DailyTarget);
    }

    [Fact]
    public void ConstructorThrowsGivenDayEndingBeforeItStarts()
    {
        Assert.Throws<DomainRuleViolationException>(() => new ScoringDay(Monday, Midnight, Midnight, null, null, false, 80, TimeSpan.Zero));
    }

    [Fact]
    public void ConstructorThrowsGivenWorkStartWithoutEnd()
    {
        Assert.Throws<DomainRuleViolationException>(() => new ScoringDay(Monday, Midnight, Midnight.AddDays(1), At(Monday, 9), null, false, 80, Hm(8)));
    }

    [Fact]
    public void ConstructorThrowsGivenWorkHoursOutsideTheDay()
    {
        Assert.Throws<DomainRuleViolationException>(() =>
            new ScoringDay(Monday, Midnight, Midnight.AddDays(1), At(Monday, 20), Midnight.AddDays(1).AddHours(4), false, 80, Hm(8)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(301)]
    public void ConstructorThrowsGivenTargetPercentOutOfRange(int percent)
    {
        Assert.Throws<DomainRuleViolationException>(() => Day(Monday, targetPercent: percent));
    }

    [Fact]
    public void ConstructorThrowsGivenMoreScheduledHoursThanTheDayHolds()
    {
        Assert.Throws<DomainRuleViolationException>(() => new ScoringDay(Monday, Midnight, Midnight.AddDays(1), null, null, false, 80, Hm(25)));
    }

    [Fact]
    public void ScoringActivityKeepsAStoredOverLongItemUnscored()
    {
        var record = new ActivityRecord(Guid.NewGuid(), Guid.NewGuid(), ActivityKind.Meeting, ActivitySource.Outlook, At(Monday, 7), Hm(11), "All day", 2, false, "x1");
        var activity = Activity.Record(record, At(Monday, 20));

        var result = ScoreEngine.Compute(Day(Monday), [ScoringActivity.From(activity)], CreditingTable.Default);

        Assert.Equal(UnscoredReason.LongerThanMaximum, Assert.Single(result.Items).Unscored);
        Assert.Equal(activity.Id, result.Items[0].Activity.Id);
    }

    [Fact]
    public void ScoringActivityCarriesACorrection()
    {
        var record = new ActivityRecord(Guid.NewGuid(), Guid.NewGuid(), ActivityKind.EmailSent, ActivitySource.Outlook, At(Monday, 10), CreditingRules.SentEmail, null, 1, true, "x2");
        var activity = Activity.Record(record, At(Monday, 20));
        activity.CorrectCreditedDuration(Hm(0, 45));

        var result = ScoreEngine.Compute(Day(Monday), [ScoringActivity.From(activity)], CreditingTable.Default);

        Assert.Equal(Hm(0, 45), result.Credited);
        Assert.Equal(12, result.Score);
    }

    [Fact]
    public void ScoringActivityThrowsGivenNegativeDuration()
    {
        Assert.Throws<DomainRuleViolationException>(() => Item(ActivityKind.Call, At(Monday, 9), TimeSpan.FromMinutes(-1)));
    }
}
