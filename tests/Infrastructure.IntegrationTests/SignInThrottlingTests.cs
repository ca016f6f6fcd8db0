using System.Globalization;
using WorkSights.Application.Ingestion;
using WorkSights.Domain.Ingestion;
using WorkSights.Infrastructure.IntegrationTests.Support;

namespace WorkSights.Infrastructure.IntegrationTests;

/// <summary>The sign-ins API allows 5 requests per 10 seconds per app and tenant: its Retry-After is obeyed, in process or by parking.</summary>
public sealed class SignInThrottlingTests : FeedSyncTestBase
{
    private static readonly TimeSpan TimerGranularity = TimeSpan.FromMilliseconds(20);

    private TickingClock? ticking;

    /// <summary>The sandbox's rate-limit window must pass in real time, as the SDK's retries wait in real time.</summary>
    protected override TimeProvider AppClock => ticking ??= new TickingClock(Clock);

    [Fact]
    public async Task Sign_ins_over_the_rate_limit_are_retried_no_sooner_than_retry_after_and_complete()
    {
        var fabrikam = await ProvisionAsync(Fabrikam);
        Assert.Equal(SyncOutcome.Completed, (await SyncFeedAsync(fabrikam, TenantFeed.SignIns)).Outcome);
        Clock.Advance(TimeSpan.FromDays(21)); // three weeks and the lookback: four reads
        Sandbox.Server.SignInRequestsPer10Seconds = 3;
        Sandbox.Server.RequestLog.Clear();

        var result = await SyncFeedAsync(fabrikam, TenantFeed.SignIns);

        Assert.Equal(SyncOutcome.Completed, result.Outcome);
        var requests = FeedRequests;
        Assert.Equal(4, requests.Count(r => r.StatusCode == 200));
        var throttled = requests.Where(r => r.StatusCode == 429).ToList();
        Assert.NotEmpty(throttled);
        foreach (var refusal in throttled)
        {
            var wait = TimeSpan.FromSeconds(int.Parse(refusal.RetryAfter!, CultureInfo.InvariantCulture));
            var next = requests.First(r => r.TimestampUtc > refusal.TimestampUtc);
            // The SDK waits on a timer that ticks in milliseconds, the log stamps with a finer clock: a few ms is the same wait.
            Assert.True(next.TimestampUtc >= refusal.TimestampUtc + wait - TimerGranularity, $"Sent {next.TimestampUtc - refusal.TimestampUtc} after a 429 asking for {wait}.");
        }
    }

    [Fact]
    public async Task Throttling_beyond_the_retries_parks_the_sign_ins_feed_and_sends_nothing_before_retry_after()
    {
        var fabrikam = await ProvisionAsync(Fabrikam);
        Assert.Equal(SyncOutcome.Completed, (await SyncFeedAsync(fabrikam, TenantFeed.SignIns)).Outcome);
        var before = (await FeedCheckpointAsync(fabrikam, TenantFeed.SignIns))!;
        Clock.Advance(TimeSpan.FromHours(3));
        Sandbox.Faults.Throttle(50, 600);
        Sandbox.Server.RequestLog.Clear();

        var parked = await SyncFeedAsync(fabrikam, TenantFeed.SignIns);

        Assert.Equal(SyncOutcome.Parked, parked.Outcome);
        var notBefore = parked.NotBefore!.Value;
        Assert.InRange(notBefore - AppClock.GetUtcNow(), TimeSpan.FromSeconds(590), TimeSpan.FromSeconds(600));
        Assert.Single(Sandbox.GraphRequests);
        Assert.Equal(before.ReadUntil, (await FeedCheckpointAsync(fabrikam, TenantFeed.SignIns))!.ReadUntil);

        Clock.Advance(TimeSpan.FromSeconds(590));
        Sandbox.Server.RequestLog.Clear();
        Assert.Equal(SyncOutcome.Parked, (await SyncFeedAsync(fabrikam, TenantFeed.SignIns)).Outcome);
        Assert.Empty(Sandbox.Requests);

        Sandbox.Faults.Reset();
        Clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(SyncOutcome.Completed, (await SyncFeedAsync(fabrikam, TenantFeed.SignIns)).Outcome);
        Assert.True((await FeedCheckpointAsync(fabrikam, TenantFeed.SignIns))!.ReadUntil > before.ReadUntil);
    }
}
