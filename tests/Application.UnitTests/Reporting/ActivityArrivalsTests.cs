using WorkSights.Application.Ingestion.Arrivals;

namespace WorkSights.Application.UnitTests.Reporting;

public sealed class ActivityArrivalsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task WaiterWakesWhenSomethingIsAnnounced()
    {
        var arrivals = new ActivityArrivals();
        var waiting = arrivals.WaitAfterAsync(arrivals.Latest, TimeSpan.FromMinutes(1), TimeProvider.System, CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        arrivals.Announce(Guid.NewGuid(), [Guid.NewGuid()], Now);

        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(1, arrivals.Latest);
    }

    [Fact]
    public async Task WaiterWakesAtTheTimeoutWhenNothingHappens()
    {
        var arrivals = new ActivityArrivals();

        await arrivals.WaitAfterAsync(0, TimeSpan.FromMilliseconds(50), TimeProvider.System, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Empty(arrivals.After(0));
    }

    [Fact]
    public void KeepsTheMostRecentAnnouncementsInOrderAndIgnoresEmptyOnes()
    {
        var arrivals = new ActivityArrivals();
        arrivals.Announce(Guid.NewGuid(), [], Now);
        for (var i = 0; i < ActivityArrivals.Capacity + 3; i++)
        {
            arrivals.Announce(Guid.NewGuid(), [Guid.NewGuid()], Now);
        }

        var kept = arrivals.After(0);
        Assert.Equal(ActivityArrivals.Capacity, kept.Count);
        Assert.Equal(Enumerable.Range(4, ActivityArrivals.Capacity).Select(i => (long)i), kept.Select(a => a.Sequence));
        Assert.Equal([arrivals.Latest], arrivals.After(arrivals.Latest - 1).Select(a => a.Sequence));
    }
}
