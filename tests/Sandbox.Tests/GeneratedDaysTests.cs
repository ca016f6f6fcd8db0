namespace WorkSights.Sandbox.Tests;

public sealed class GeneratedDaysTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    [Fact]
    public void A_day_is_generated_once_and_then_served_from_the_cache()
    {
        var days = new GeneratedDays<int>(limit: 10);
        var generated = 0;

        var first = days.GetOrAdd("ann", Monday, () => [++generated]);
        var second = days.GetOrAdd("ann", Monday, () => [++generated]);
        var otherDay = days.GetOrAdd("ann", Monday.AddDays(1), () => [++generated]);

        Assert.Same(first, second);
        Assert.Equal([1], first);
        Assert.Equal([2], otherDay);
    }

    [Fact]
    public void The_cache_is_emptied_when_it_outgrows_its_limit_and_days_are_made_again()
    {
        var days = new GeneratedDays<int>(limit: 3);
        var generated = 0;
        var kept = days.GetOrAdd("ann", Monday, () => [++generated]);
        for (var i = 1; i <= 3; i++)
        {
            days.GetOrAdd("bob", Monday.AddDays(i), () => [++generated]);
        }

        var again = days.GetOrAdd("ann", Monday, () => [++generated]);

        Assert.NotSame(kept, again);
        Assert.Equal(5, generated);
    }
}
