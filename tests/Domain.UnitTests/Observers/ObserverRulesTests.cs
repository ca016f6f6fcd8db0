using WorkSights.Domain.Common;
using WorkSights.Domain.Observers;
using WorkSights.Domain.Scores;

namespace WorkSights.Domain.UnitTests.Observers;

public sealed class ObserverRulesTests
{
    // Monday 30 November 2026 to Sunday 6 December 2026.
    private static readonly DateOnly Monday = new(2026, 11, 30);
    private static readonly ObserverThresholds Thresholds = ObserverThresholds.Default;

    [Fact]
    public void OverloadFindingNamesDaysAndScoresGivenFourPurpleWorkDays()
    {
        var days = WorkWeek(142, 150, 138, 161, 90);

        var finding = Assert.Single(Evaluate(days, ObserverRule.Overload));

        Assert.Equal("Overloaded (score above 130) 4 work days in a row (30 Nov–3 Dec: 142, 150, 138, 161)", finding.Explanation);
        Assert.Equal([Monday, Monday.AddDays(1), Monday.AddDays(2), Monday.AddDays(3)], finding.Days);
        Assert.Equal(Monday, finding.From);
        Assert.Equal(Monday.AddDays(3), finding.To);
    }

    [Fact]
    public void OverloadFindsStreakGivenExactlyThresholdDays() =>
        Assert.Single(Evaluate(WorkWeek(90, 131, 140, 200, 90), ObserverRule.Overload));

    [Fact]
    public void OverloadFindsNothingGivenOneDayFewerThanThreshold() =>
        Assert.Empty(Evaluate(WorkWeek(90, 131, 140, 90, 135), ObserverRule.Overload));

    [Fact]
    public void OverloadFindsNothingGivenScoreOf130WhichIsBlue() =>
        Assert.Empty(Evaluate(WorkWeek(130, 131, 131, 90, 90), ObserverRule.Overload));

    [Fact]
    public void StreakContinuesAcrossWeekendGivenNonWorkDaysBetween()
    {
        var days = new List<ObservedDay>
        {
            Work(Monday.AddDays(4), 150),
            NonWork(Monday.AddDays(5)),
            Work(Monday.AddDays(7), 150),
            Work(Monday.AddDays(8), 150),
        };

        var finding = Assert.Single(Of(days, Monday.AddDays(8), ObserverRule.Overload));

        Assert.Equal("Overloaded (score above 130) 3 work days in a row (4–8 Dec: 150, 150, 150)", finding.Explanation);
    }

    [Fact]
    public void VeryLightFindsStreakGivenExactlyThresholdRedDays()
    {
        var finding = Assert.Single(Evaluate(WorkWeek(80, 0, 12, 30, 80), ObserverRule.VeryLight));

        Assert.StartsWith("Very light activity (score 30 or less) 3 work days in a row (1–3 Dec: 0, 12, 30)", finding.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void VeryLightFindsNothingGivenTwoRedDaysAndScoreOf31() =>
        Assert.Empty(Evaluate(WorkWeek(80, 0, 12, 31, 80), ObserverRule.VeryLight));

    [Fact]
    public void ScoreRulesAreSkippedGivenScoresHidden()
    {
        var days = WorkWeek(150, 150, 150, 0, 0, 0);

        var findings = ObserverRules.Evaluate(days, Monday.AddDays(6), Thresholds, scoresVisible: false);

        Assert.DoesNotContain(findings, f => f.Rule is ObserverRule.Overload or ObserverRule.VeryLight);
    }

    [Fact]
    public void TwoSeparateStreaksMakeTwoFindings()
    {
        var days = WorkWeek(150, 150, 150, 90, 150, 150, 150);

        Assert.Equal(2, Evaluate(days, ObserverRule.Overload).Count);
    }

    [Fact]
    public void NoFocusFindsStreakGivenExactlyFiveWorkDaysBelowAnHour()
    {
        var days = Enumerable.Range(0, 5).Select(i => Work(Monday.AddDays(i), 90, focus: TimeSpan.FromMinutes(59))).ToList();

        var finding = Assert.Single(Evaluate(days, ObserverRule.NoFocus));

        Assert.Equal("No meeting-free stretch of 1 h 00 m or more 5 work days in a row (30 Nov–4 Dec: longest 59 m, 59 m, 59 m, 59 m, 59 m)", finding.Explanation);
    }

    [Fact]
    public void NoFocusFindsNothingGivenFourDaysBelowAndOneDayOfExactlyAnHour()
    {
        var days = Enumerable.Range(0, 5)
            .Select(i => Work(Monday.AddDays(i), 90, focus: TimeSpan.FromMinutes(i == 2 ? 60 : 10)))
            .ToList();

        Assert.Empty(Evaluate(days, ObserverRule.NoFocus));
    }

    [Fact]
    public void AfterHoursRisingFindsThreeCompleteWeeksEachHigherThanTheLast()
    {
        var days = new[]
        {
            Work(Monday.AddDays(-14), 90, afterHours: TimeSpan.FromMinutes(70)),
            Work(Monday.AddDays(-7), 90, afterHours: TimeSpan.FromMinutes(125)),
            Work(Monday, 90, afterHours: TimeSpan.FromMinutes(100)),
            Work(Monday.AddDays(1), 90, afterHours: TimeSpan.FromMinutes(120)),
        };

        var finding = Assert.Single(Of(days, Monday.AddDays(6), ObserverRule.AfterHoursRising));

        Assert.Equal("After-hours time rose 3 weeks in a row (weeks of 16 Nov, 23 Nov, 30 Nov: 1 h 10 m, 2 h 05 m, 3 h 40 m)", finding.Explanation);
        Assert.Equal(Monday.AddDays(-14), finding.From);
        Assert.Equal(Monday.AddDays(6), finding.To);
    }

    [Fact]
    public void AfterHoursRisingIgnoresTheWeekNotYetComplete()
    {
        var days = new[]
        {
            Work(Monday.AddDays(-14), 90, afterHours: TimeSpan.FromMinutes(70)),
            Work(Monday.AddDays(-7), 90, afterHours: TimeSpan.FromMinutes(125)),
            Work(Monday, 90, afterHours: TimeSpan.FromMinutes(300)),
        };

        Assert.Empty(Of(days, Monday.AddDays(5), ObserverRule.AfterHoursRising));
    }

    [Fact]
    public void AfterHoursRisingFindsNothingGivenAnEqualWeek()
    {
        var days = new[]
        {
            Work(Monday.AddDays(-14), 90, afterHours: TimeSpan.FromMinutes(70)),
            Work(Monday.AddDays(-7), 90, afterHours: TimeSpan.FromMinutes(125)),
            Work(Monday, 90, afterHours: TimeSpan.FromMinutes(125)),
        };

        Assert.Empty(Of(days, Monday.AddDays(6), ObserverRule.AfterHoursRising));
    }

    [Fact]
    public void AfterHoursRisingFindsNothingGivenLatestWeekUnderAnHour()
    {
        var days = new[]
        {
            Work(Monday.AddDays(-14), 90, afterHours: TimeSpan.FromMinutes(5)),
            Work(Monday.AddDays(-7), 90, afterHours: TimeSpan.FromMinutes(20)),
            Work(Monday, 90, afterHours: TimeSpan.FromMinutes(59)),
        };

        Assert.Empty(Of(days, Monday.AddDays(6), ObserverRule.AfterHoursRising));
    }

    [Fact]
    public void AfterHoursRisingFindsNothingGivenAWeekWithoutData()
    {
        var days = new[]
        {
            Work(Monday.AddDays(-7), 90, afterHours: TimeSpan.FromMinutes(125)),
            Work(Monday, 90, afterHours: TimeSpan.FromMinutes(300)),
        };

        Assert.Empty(Of(days, Monday.AddDays(6), ObserverRule.AfterHoursRising));
    }

    [Fact]
    public void MeetingHeavyFindsShareAboveThreshold()
    {
        var days = new[]
        {
            Work(Monday, 90, credited: TimeSpan.FromHours(5), meetings: TimeSpan.FromHours(3.5)),
            Work(Monday.AddDays(1), 90, credited: TimeSpan.FromHours(5), meetings: TimeSpan.FromHours(3)),
        };

        var finding = Assert.Single(Of(days, Monday.AddDays(1), ObserverRule.MeetingHeavy));

        Assert.Equal("Meetings took 65 % of credited time over 2 days (30 Nov–1 Dec: 6 h 30 m of 10 h 00 m; the threshold is 60 %)", finding.Explanation);
    }

    [Fact]
    public void MeetingHeavyFindsNothingGivenShareExactlyAtThreshold()
    {
        var days = new[] { Work(Monday, 90, credited: TimeSpan.FromHours(5), meetings: TimeSpan.FromHours(3)) };

        Assert.Empty(Of(days, Monday, ObserverRule.MeetingHeavy));
    }

    [Fact]
    public void MeetingHeavyLooksOnlyAtTheLastSevenDays()
    {
        var days = new[]
        {
            Work(Monday.AddDays(-7), 90, credited: TimeSpan.FromHours(5), meetings: TimeSpan.FromHours(5)),
            Work(Monday, 90, credited: TimeSpan.FromHours(5), meetings: TimeSpan.FromHours(1)),
        };

        Assert.Empty(Of(days, Monday.AddDays(6), ObserverRule.MeetingHeavy));
    }

    [Fact]
    public void DaysAfterTheDayOfEvaluationAreIgnored() =>
        Assert.Empty(Of(WorkWeek(150, 150, 150), Monday.AddDays(1), ObserverRule.Overload));

    [Theory]
    [InlineData(1, 3, 3, 60, 60, 5)]
    [InlineData(3, 21, 3, 60, 60, 5)]
    [InlineData(3, 3, 1, 60, 60, 5)]
    [InlineData(3, 3, 3, 9, 60, 5)]
    [InlineData(3, 3, 3, 60, 241, 5)]
    [InlineData(3, 3, 3, 60, 60, 1)]
    public void ThresholdsRejectValuesOutOfRange(int overload, int light, int weeks, int share, int focus, int focusDays) =>
        Assert.Throws<DomainRuleViolationException>(() => new ObserverThresholds(overload, light, weeks, share, focus, focusDays));

    [Theory]
    [InlineData("2026-12-01", "2026-12-04", "1–4 Dec")]
    [InlineData("2026-11-30", "2026-12-04", "30 Nov–4 Dec")]
    [InlineData("2025-12-29", "2026-01-02", "29 Dec 2025–2 Jan 2026")]
    [InlineData("2026-12-04", "2026-12-04", "4 Dec")]
    public void RangeReadsAsAPersonWritesIt(string from, string to, string expected) =>
        Assert.Equal(expected, ObserverRules.Range(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)));

    private static List<Finding> Of(IEnumerable<ObservedDay> days, DateOnly asOf, ObserverRule rule) =>
        ObserverRules.Evaluate(days, asOf, Thresholds).Where(f => f.Rule == rule).ToList();

    private static List<Finding> Evaluate(IEnumerable<ObservedDay> days, ObserverRule rule) =>
        ObserverRules.Evaluate(days, Monday.AddDays(13), Thresholds).Where(f => f.Rule == rule).ToList();

    /// <summary>Consecutive work days from Monday 30 November with these scores (weekends left out, as a work week has them).</summary>
    private static List<ObservedDay> WorkWeek(params int[] scores)
    {
        var days = new List<ObservedDay>();
        var date = Monday;
        foreach (var score in scores)
        {
            while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                date = date.AddDays(1);
            }

            days.Add(Work(date, score));
            date = date.AddDays(1);
        }

        return days;
    }

    private static ObservedDay Work(DateOnly date, int score, TimeSpan? focus = null, TimeSpan? afterHours = null, TimeSpan? credited = null, TimeSpan? meetings = null) =>
        new(date, true, score, ScoreBands.Of(score), credited ?? TimeSpan.FromHours(6), afterHours ?? TimeSpan.Zero, meetings ?? TimeSpan.Zero, focus ?? TimeSpan.FromHours(2));

    private static ObservedDay NonWork(DateOnly date) =>
        new(date, false, null, ScoreBand.NonWorkDay, TimeSpan.FromHours(1), TimeSpan.FromHours(1), TimeSpan.Zero, TimeSpan.Zero);
}
