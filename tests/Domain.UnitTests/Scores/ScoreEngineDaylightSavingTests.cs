using WorkSights.Domain.Scores;
using static WorkSights.Domain.UnitTests.Scores.ScoringExamples;

namespace WorkSights.Domain.UnitTests.Scores;

/// <summary>
/// docs/scoring.md, examples 7 and 8: Europe/London's 2026 change days. On Sunday 29 March clocks go from 01:00 GMT
/// to 02:00 BST (a 23-hour day, 00:00Z to 23:00Z); on Sunday 25 October from 02:00 BST back to 01:00 GMT (a 25-hour
/// day, 24 October 23:00Z to 26 October 00:00Z). Both are Sundays, so non-work days for a Monday–Friday schedule.
/// </summary>
public sealed class ScoreEngineDaylightSavingTests
{
    private static readonly DateTimeOffset SpringStart = new(2026, 3, 29, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SpringEnd = new(2026, 3, 29, 23, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AutumnStart = new(2026, 10, 24, 23, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AutumnEnd = new(2026, 10, 26, 0, 0, 0, TimeSpan.Zero);

    private static readonly ScoringDay Spring = new(new DateOnly(2026, 3, 29), SpringStart, SpringEnd, null, null, false, 80, TimeSpan.Zero);
    private static readonly ScoringDay Autumn = new(new DateOnly(2026, 10, 25), AutumnStart, AutumnEnd, null, null, false, 80, TimeSpan.Zero);

    public static TheoryData<ScoringDay, DateTimeOffset, TimeSpan> ContinuousDays => new()
    {
        // Examples 7a and 8a: three 9-hour calls from local midnight cover more than the day, which holds 23 or 25 hours.
        { Spring, SpringStart, Hm(23) },
        { Autumn, AutumnStart, Hm(25) },
    };

    [Theory]
    [MemberData(nameof(ContinuousDays))]
    public void ComputeCreditsTheWholeLocalDayGivenContinuousActivity(ScoringDay day, DateTimeOffset midnight, TimeSpan expected)
    {
        var calls = new[] { Call(midnight, Hm(9)), Call(midnight.AddHours(9), Hm(9)), Call(midnight.AddHours(18), Hm(9)) };

        var result = ScoreEngine.Compute(day, calls, CreditingTable.Default);

        Assert.Equal(expected, result.DayLength);
        Assert.Equal(expected, result.Credited);
        Assert.Equal(expected, result.AfterHours);
        Assert.Null(result.Score);
        Assert.Equal(ScoreBand.NonWorkDay, result.Band);
    }

    [Fact]
    public void ComputeCreditsOneHourGivenSpringCallFromHalfPastMidnightToHalfPastTwoOnTheClock()
    {
        // 00:30 GMT is 00:30Z; one hour later it is 01:30Z, which the clock shows as 02:30 BST.
        var result = ScoreEngine.Compute(Spring, [Call(new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero), Hm(1))], CreditingTable.Default);

        Assert.Equal(Hm(1), result.Credited);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 2, 30, 0, TimeSpan.FromHours(1)), result.LastActivity);
    }

    [Fact]
    public void ComputeCreditsOneHourGivenAutumnCallFromHalfPastOneToHalfPastOneOnTheClock()
    {
        // 01:30 BST is 00:30Z; one hour later it is 01:30Z, which the clock shows as 01:30 GMT.
        var result = ScoreEngine.Compute(Autumn, [Call(new DateTimeOffset(2026, 10, 25, 1, 30, 0, TimeSpan.FromHours(1)), Hm(1))], CreditingTable.Default);

        Assert.Equal(Hm(1), result.Credited);
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 1, 30, 0, TimeSpan.Zero), result.LastActivity);
    }
}
