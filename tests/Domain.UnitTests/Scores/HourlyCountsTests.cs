using WorkSights.Domain.Common;
using WorkSights.Domain.Scores;

namespace WorkSights.Domain.UnitTests.Scores;

public sealed class HourlyCountsTests
{
    [Fact]
    public void CountsEachItemUnderTheHourItStarted()
    {
        var counts = HourlyCounts.OfItemsAt([9, 9, 13, 23]);

        Assert.Equal(2, counts[9]);
        Assert.Equal(1, counts[13]);
        Assert.Equal(1, counts[23]);
        Assert.Equal(0, counts[0]);
        Assert.Equal(4, counts.Total);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(24)]
    public void RejectsAnHourOutsideTheClock(int hour) =>
        Assert.Throws<DomainRuleViolationException>(() => HourlyCounts.OfItemsAt([hour]));

    [Fact]
    public void SumsDaysHourByHour()
    {
        var sum = HourlyCounts.Sum([HourlyCounts.OfItemsAt([8, 9]), HourlyCounts.OfItemsAt([9]), HourlyCounts.None]);

        Assert.Equal(HourlyCounts.OfItemsAt([8, 9, 9]), sum);
    }

    [Fact]
    public void RoundTripsThroughItsStoredForm()
    {
        var counts = HourlyCounts.OfItemsAt([0, 7, 7, 7, 23]);

        Assert.Equal("1,0,0,0,0,0,0,3,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1", counts.ToString());
        Assert.Equal(counts, HourlyCounts.Parse(counts.ToString()));
        Assert.Equal(counts.GetHashCode(), HourlyCounts.Parse(counts.ToString()).GetHashCode());
    }

    [Fact]
    public void ReadsARowWrittenBeforeHoursWereKeptAsNoItems() => Assert.Equal(HourlyCounts.None, HourlyCounts.Parse(string.Empty));

    [Theory]
    [InlineData("1,2,3")]
    [InlineData("1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,-1")]
    [InlineData("a,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0")]
    public void RejectsAStoredFormThatIsNotTwentyFourCounts(string stored) => Assert.Throws<FormatException>(() => HourlyCounts.Parse(stored));
}
