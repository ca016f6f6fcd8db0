using WorkSights.Domain.Activities;
using WorkSights.Domain.Scores;
using static WorkSights.Domain.UnitTests.Scores.ScoringExamples;

namespace WorkSights.Domain.UnitTests.Scores;

/// <summary>docs/scoring.md's worked examples, each with the figures the document gives.</summary>
public sealed class ScoreEngineExampleTests
{
    public sealed record Example(string Name, ScoringDay Day, ScoringActivity[] Items, TimeSpan Credited, int? Score, ScoreBand Band, TimeSpan AfterHours)
    {
        public override string ToString() => Name;
    }

    private static readonly DateOnly Tuesday = Monday.AddDays(1);
    private static readonly DateOnly Saturday = new(2026, 3, 7);
    private static readonly DateOnly ChristmasFriday = new(2026, 12, 25);
    private static readonly TimeSpan NewYorkWinter = TimeSpan.FromHours(-5);

    public static TheoryData<Example> Examples => new()
    {
        new("1. 8 h × 80 % = 6 h 24 min target met",
            Day(Monday),
            [Meeting(At(Monday, 9), At(Monday, 12)), Call(At(Monday, 13), Hm(3, 24), isExternal: true)],
            Hm(6, 24), 100, ScoreBand.Green, TimeSpan.Zero),
        new("2. overlapping meeting, call and email count once",
            Day(Monday),
            [Meeting(At(Monday, 10), At(Monday, 11)), Call(At(Monday, 10, 30), Hm(1), isExternal: true), Email(At(Monday, 10, 50))],
            Hm(1, 30), 23, ScoreBand.Red, TimeSpan.Zero),
        new("3. a lone meeting is a calendar block: shown, not scored",
            Day(Monday),
            [Block(At(Monday, 9), At(Monday, 12)), Email(At(Monday, 13)), Email(At(Monday, 14)), Email(At(Monday, 15)), Email(At(Monday, 16))],
            Hm(0, 20), 5, ScoreBand.Red, TimeSpan.Zero),
        new("4a. an 11-hour item is not scored",
            Day(Monday),
            [Meeting(At(Monday, 7), At(Monday, 18)), Call(At(Monday, 9), Hm(1))],
            Hm(1), 16, ScoreBand.Red, TimeSpan.Zero),
        new("4b. a 10-hour item is scored, 2 h of it after hours",
            Day(Monday),
            [Meeting(At(Monday, 7), At(Monday, 17))],
            Hm(10), 156, ScoreBand.Purple, Hm(2)),
        new("5a. a call from 23:00 to 01:00: Monday's hour",
            Day(Monday),
            [Call(At(Monday, 23), Hm(2))],
            Hm(1), 16, ScoreBand.Red, Hm(1)),
        new("5b. a call from 23:00 to 01:00: Tuesday's hour",
            Day(Tuesday),
            [Call(At(Monday, 23), Hm(2))],
            Hm(1), 16, ScoreBand.Red, Hm(1)),
        new("6. New York evening meeting after UTC midnight stays on the local day",
            Day(Monday, offset: NewYorkWinter),
            [Meeting(new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 3, 2, 0, 0, TimeSpan.Zero))],
            Hm(2), 31, ScoreBand.Yellow, Hm(2)),
        new("9a. work on an observed holiday is a non-work day",
            Day(ChristmasFriday, isHoliday: true),
            [Call(At(ChristmasFriday, 10), Hm(2))],
            Hm(2), null, ScoreBand.NonWorkDay, Hm(2)),
        new("9b. an unobserved holiday is an ordinary work day",
            Day(ChristmasFriday),
            [Call(At(ChristmasFriday, 10), Hm(2))],
            Hm(2), 31, ScoreBand.Yellow, TimeSpan.Zero),
        new("10. a vacation weekday has no hours: work on it is non-work-day work",
            Day(Monday, isWorkDay: false),
            [Call(At(Monday, 10), Hm(2))],
            Hm(2), null, ScoreBand.NonWorkDay, Hm(2)),
        new("11. Saturday work is shown, never a missed day",
            Day(Saturday, isWorkDay: false),
            [Call(At(Saturday, 10), Hm(2))],
            Hm(2), null, ScoreBand.NonWorkDay, Hm(2)),
        new("12a. 6 h 24 min against 8 h at 100 % scores 80",
            Day(Monday, targetPercent: 100),
            [Meeting(At(Monday, 9), At(Monday, 12)), Call(At(Monday, 13), Hm(3, 24), isExternal: true)],
            Hm(6, 24), 80, ScoreBand.Green, TimeSpan.Zero),
        new("12b. 6 h 24 min against 8 h at 60 % scores 133",
            Day(Monday, targetPercent: 60),
            [Meeting(At(Monday, 9), At(Monday, 12)), Call(At(Monday, 13), Hm(3, 24), isExternal: true)],
            Hm(6, 24), 133, ScoreBand.Purple, TimeSpan.Zero),
        new("13. an email corrected to 45 minutes",
            Day(Monday),
            [Item(ActivityKind.EmailSent, At(Monday, 10), Hm(0, 45), isCorrected: true)],
            Hm(0, 45), 12, ScoreBand.Red, TimeSpan.Zero),
    };

    /// <summary>docs/scoring.md, "Every band edge": 6 h 15 min × 80 % = 5 h, so one point is 3 minutes.</summary>
    public static TheoryData<int, int, int, ScoreBand> BandEdges => new()
    {
        { 88, 30, 30, ScoreBand.Red },
        { 90, 0, 30, ScoreBand.Red },
        { 91, 30, 31, ScoreBand.Yellow },
        { 93, 0, 31, ScoreBand.Yellow },
        { 210, 0, 70, ScoreBand.Yellow },
        { 213, 0, 71, ScoreBand.Green },
        { 300, 0, 100, ScoreBand.Green },
        { 303, 0, 101, ScoreBand.Blue },
        { 390, 0, 130, ScoreBand.Blue },
        { 393, 0, 131, ScoreBand.Purple },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void ComputeGivesTheDocumentedFiguresGivenEachWorkedExample(Example example)
    {
        var result = ScoreEngine.Compute(example.Day, example.Items, CreditingTable.Default);

        Assert.Equal(example.Credited, result.Credited);
        Assert.Equal(example.Score, result.Score);
        Assert.Equal(example.Band, result.Band);
        Assert.Equal(example.AfterHours, result.AfterHours);
        Assert.Equal(example.Credited, result.Components.Aggregate(TimeSpan.Zero, (sum, c) => sum + c.Time));
        Assert.Equal("1:300,60,120,180,60,36000", result.ModelVersion);
    }

    [Theory]
    [MemberData(nameof(BandEdges))]
    public void ComputeGivesTheDocumentedBandGivenEachBandEdge(int minutes, int seconds, int score, ScoreBand band)
    {
        var day = Day(Monday, workEnd: (15, 15));

        var result = ScoreEngine.Compute(day, [Call(At(Monday, 9), Hm(0, minutes, seconds))], CreditingTable.Default);

        Assert.Equal(Hm(5), result.DailyTarget);
        Assert.Equal(score, result.Score);
        Assert.Equal(band, result.Band);
    }

    [Fact]
    public void ComputeGivesSixHoursTwentyFourMinutesTargetGivenEightHoursAtEightyPercent()
    {
        var result = ScoreEngine.Compute(Day(Monday), [], CreditingTable.Default);

        Assert.Equal(Hm(6, 24), result.DailyTarget);
        Assert.Equal(0, result.Score);
        Assert.Equal(ScoreBand.Red, result.Band);
        Assert.Null(result.FirstActivity);
        Assert.Null(result.LastActivity);
        Assert.Equal(new TimeInterval(At(Monday, 9), At(Monday, 17)), result.LongestMeetingFreeStretch);
    }

    [Fact]
    public void ComputeSplitsComponentsAndFindsTheDayShapeGivenExampleOne()
    {
        var result = ScoreEngine.Compute(Day(Monday), [Meeting(At(Monday, 9), At(Monday, 12)), Call(At(Monday, 13), Hm(3, 24), isExternal: true)], CreditingTable.Default);

        Assert.Equal(new ComponentTotal(ScoreComponent.InternalMeetings, Hm(3), 1), result[ScoreComponent.InternalMeetings]);
        Assert.Equal(new ComponentTotal(ScoreComponent.Calls, Hm(3, 24), 1), result[ScoreComponent.Calls]);
        Assert.Equal(At(Monday, 9), result.FirstActivity);
        Assert.Equal(At(Monday, 16, 24), result.LastActivity);
        Assert.Equal(new TimeInterval(At(Monday, 12), At(Monday, 13)), result.LongestMeetingFreeStretch);
        Assert.True(result.IsWorkDay);
    }

    [Fact]
    public void ComputeGivesOverlapsToTheFirstComponentGivenExampleTwo()
    {
        var result = ScoreEngine.Compute(
            Day(Monday),
            [Meeting(At(Monday, 10), At(Monday, 11)), Call(At(Monday, 10, 30), Hm(1), isExternal: true), Email(At(Monday, 10, 50))],
            CreditingTable.Default);

        Assert.Equal(new ComponentTotal(ScoreComponent.InternalMeetings, Hm(1), 1), result[ScoreComponent.InternalMeetings]);
        Assert.Equal(new ComponentTotal(ScoreComponent.Calls, Hm(0, 30), 1), result[ScoreComponent.Calls]);
        Assert.Equal(new ComponentTotal(ScoreComponent.Email, TimeSpan.Zero, 1), result[ScoreComponent.Email]);
        Assert.Equal(new TimeInterval(At(Monday, 11, 30), At(Monday, 17)), result.LongestMeetingFreeStretch);
    }

    [Fact]
    public void ComputeMarksTheBlockUnscoredAndKeepsItsHoursMeetingFreeGivenExampleThree()
    {
        var result = ScoreEngine.Compute(
            Day(Monday),
            [Block(At(Monday, 9), At(Monday, 12)), Email(At(Monday, 13)), Email(At(Monday, 14)), Email(At(Monday, 15)), Email(At(Monday, 16))],
            CreditingTable.Default);

        var block = Assert.Single(result.Items, item => item.Activity.Kind == ActivityKind.CalendarBlock);
        Assert.Equal(UnscoredReason.CalendarBlock, block.Unscored);
        Assert.Null(block.Credited);
        Assert.Equal(new ComponentTotal(ScoreComponent.Email, Hm(0, 20), 4), result[ScoreComponent.Email]);
        Assert.Equal(new TimeInterval(At(Monday, 9), At(Monday, 17)), result.LongestMeetingFreeStretch);
    }

    [Fact]
    public void ComputeMarksTheElevenHourItemLongerThanMaximumGivenExampleFourA()
    {
        var result = ScoreEngine.Compute(Day(Monday), [Meeting(At(Monday, 7), At(Monday, 18)), Call(At(Monday, 9), Hm(1))], CreditingTable.Default);

        var meeting = Assert.Single(result.Items, item => item.Activity.Kind == ActivityKind.Meeting);
        Assert.Equal(UnscoredReason.LongerThanMaximum, meeting.Unscored);
        Assert.Equal(new TimeInterval(At(Monday, 10), At(Monday, 17)), result.LongestMeetingFreeStretch);
    }

    [Fact]
    public void ComputeCountsTheMidnightCallOnBothDaysGivenExampleFive()
    {
        var call = Call(At(Monday, 23), Hm(2));

        var monday = ScoreEngine.Compute(Day(Monday), [call], CreditingTable.Default);
        var tuesday = ScoreEngine.Compute(Day(Monday.AddDays(1)), [call], CreditingTable.Default);

        Assert.Equal(new TimeInterval(At(Monday, 23), At(Monday.AddDays(1), 0)), Assert.Single(monday.Items).Credited);
        Assert.Equal(new TimeInterval(At(Monday.AddDays(1), 0), At(Monday.AddDays(1), 1)), Assert.Single(tuesday.Items).Credited);
        Assert.Equal(1, monday[ScoreComponent.Calls].Count);
        Assert.Equal(1, tuesday[ScoreComponent.Calls].Count);
        Assert.Equal(At(Monday.AddDays(1), 0), monday.LastActivity);
        Assert.Equal(At(Monday.AddDays(1), 0), tuesday.FirstActivity);
    }

    [Fact]
    public void ComputeLeavesOutItemsOfOtherDays()
    {
        var result = ScoreEngine.Compute(Day(Monday), [Call(At(Monday.AddDays(-1), 10), Hm(1)), Email(At(Monday.AddDays(1), 0))], CreditingTable.Default);

        Assert.Empty(result.Items);
        Assert.Equal(TimeSpan.Zero, result.Credited);
    }

    [Fact]
    public void ComputeReportsNoMeetingFreeStretchGivenNonWorkDay()
    {
        var result = ScoreEngine.Compute(Day(Monday, isHoliday: true), [], CreditingTable.Default);

        Assert.False(result.IsWorkDay);
        Assert.True(result.IsHoliday);
        Assert.Equal(TimeSpan.Zero, result.DailyTarget);
        Assert.Null(result.LongestMeetingFreeStretch);
    }

    [Fact]
    public void ComputeLeavesMailboxAccessUnscored()
    {
        var result = ScoreEngine.Compute(Day(Monday), [Item(ActivityKind.MailboxAccess, At(Monday, 10), Hm(0, 1))], CreditingTable.Default);

        Assert.Equal(UnscoredReason.MailboxAccess, Assert.Single(result.Items).Unscored);
        Assert.Equal(TimeSpan.Zero, result.Credited);
    }
}
