using WorkSights.Domain.Common;
using WorkSights.Domain.Scores;

namespace WorkSights.Domain.UnitTests.Scores;

public sealed class ScoreBandsTests
{
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
    [InlineData(375, ScoreBand.Purple)]
    public void OfReturnsBandGivenEdge(int score, ScoreBand expected) => Assert.Equal(expected, ScoreBands.Of(score));

    [Fact]
    public void OfThrowsGivenNegativeScore() => Assert.Throws<DomainRuleViolationException>(() => ScoreBands.Of(-1));
}
