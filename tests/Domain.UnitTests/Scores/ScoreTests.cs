using WorkSights.Domain.Common;
using WorkSights.Domain.Scores;

namespace WorkSights.Domain.UnitTests.Scores;

public sealed class ScoreTests
{
    private static readonly Guid TenantId = Guid.NewGuid();
    private static readonly Guid PersonId = Guid.NewGuid();
    private static readonly DateOnly Day = new(2026, 3, 2);

    /// <summary>An 8-hour schedule at an 80 % target.</summary>
    private static readonly TimeSpan Target = TimeSpan.FromHours(8) * 0.8;

    private static Score Compute(TimeSpan credited, TimeSpan? target = null, int modelVersion = 1) =>
        Score.Compute(TenantId, PersonId, Day, credited, target ?? Target, modelVersion);

    [Fact]
    public void ComputeReturnsHundredGivenSixHoursTwentyFourMinutesAgainstEightHoursAtEightyPercent()
    {
        var score = Compute(new TimeSpan(6, 24, 0));

        Assert.Equal(100, score.Value);
        Assert.True(score.IsWorkDay);
        Assert.Equal(ScoreBand.Green, score.Band);
        Assert.Equal(new TimeSpan(6, 24, 0), score.CreditedTime);
        Assert.Equal(Day, score.Day);
        Assert.Equal(TenantId, score.TenantId);
        Assert.Equal(PersonId, score.PersonId);
        Assert.Equal(1, score.ModelVersion);
    }

    [Theory]
    [InlineData(60, 480, 13)]
    [InlineData(180, 480, 38)]
    [InlineData(100, 480, 21)]
    [InlineData(0, 480, 0)]
    [InlineData(720, 480, 150)]
    public void ComputeRoundsHalfAwayFromZero(int creditedMinutes, int targetMinutes, int expected)
    {
        var score = Compute(TimeSpan.FromMinutes(creditedMinutes), TimeSpan.FromMinutes(targetMinutes));

        Assert.Equal(expected, score.Value);
    }

    [Fact]
    public void ComputeGivesNonWorkDayBandGivenZeroTarget()
    {
        var score = Compute(TimeSpan.FromHours(3), TimeSpan.Zero);

        Assert.False(score.IsWorkDay);
        Assert.Equal(0, score.Value);
        Assert.Equal(ScoreBand.NonWorkDay, score.Band);
        Assert.Equal(TimeSpan.FromHours(3), score.CreditedTime);
    }

    [Fact]
    public void ComputeAcceptsTwentyFourHours()
    {
        Assert.Equal(375, Compute(TimeSpan.FromHours(24)).Value);
    }

    [Fact]
    public void ComputeThrowsGivenMoreThanTwentyFourHours()
    {
        Assert.Throws<DomainRuleViolationException>(() => Compute(TimeSpan.FromHours(24) + TimeSpan.FromTicks(1)));
    }

    [Fact]
    public void ComputeThrowsGivenNegativeCreditedTime()
    {
        Assert.Throws<DomainRuleViolationException>(() => Compute(TimeSpan.FromMinutes(-1)));
    }

    [Fact]
    public void ComputeThrowsGivenNegativeTarget()
    {
        Assert.Throws<DomainRuleViolationException>(() => Compute(TimeSpan.FromHours(1), TimeSpan.FromHours(-1)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void ComputeThrowsGivenMissingModelVersion(int version)
    {
        Assert.Throws<DomainRuleViolationException>(() => Compute(TimeSpan.FromHours(1), modelVersion: version));
    }

    [Fact]
    public void ComputeThrowsGivenEmptyTenant()
    {
        Assert.Throws<DomainRuleViolationException>(() => Score.Compute(Guid.Empty, PersonId, Day, TimeSpan.Zero, Target, 1));
    }

    [Fact]
    public void ComputeThrowsGivenEmptyPerson()
    {
        Assert.Throws<DomainRuleViolationException>(() => Score.Compute(TenantId, Guid.Empty, Day, TimeSpan.Zero, Target, 1));
    }

    [Theory]
    [InlineData(0, ScoreBand.Red)]
    [InlineData(30, ScoreBand.Red)]
    [InlineData(31, ScoreBand.Yellow)]
    [InlineData(70, ScoreBand.Yellow)]
    [InlineData(71, ScoreBand.Green)]
    [InlineData(100, ScoreBand.Green)]
    [InlineData(101, ScoreBand.Blue)]
    [InlineData(130, ScoreBand.Blue)]
    [InlineData(131, ScoreBand.Purple)]
    [InlineData(500, ScoreBand.Purple)]
    public void BandOfReturnsBandAtBoundaries(int value, ScoreBand expected)
    {
        Assert.Equal(expected, Score.BandOf(value));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(131)]
    public void BandOfReturnsNonWorkDayGivenNonWorkDay(int value)
    {
        Assert.Equal(ScoreBand.NonWorkDay, Score.BandOf(value, isWorkDay: false));
    }

    [Fact]
    public void BandOfThrowsGivenNegativeValue()
    {
        Assert.Throws<DomainRuleViolationException>(() => Score.BandOf(-1));
    }
}
