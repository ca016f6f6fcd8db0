using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace WorkSights.Infrastructure.IntegrationTests.Support;

/// <summary>
/// A fake clock that notes every timer started on it, so a test sees a wait begin, and how long it is, before moving time.
/// </summary>
public sealed class TimerWatchingClock(FakeTimeProvider clock) : TimeProvider
{
    private readonly Channel<TimeSpan> started = Channel.CreateUnbounded<TimeSpan>();

    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

    public override long GetTimestamp() => clock.GetTimestamp();

    public override long TimestampFrequency => clock.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => clock.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        started.Writer.TryWrite(dueTime);
        return clock.CreateTimer(callback, state, dueTime, period);
    }

    /// <summary>The due time of the next timer started on this clock; fails when none starts within ten real seconds.</summary>
    public async Task<TimeSpan> NextTimerAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await started.Reader.ReadAsync(timeout.Token);
    }
}
