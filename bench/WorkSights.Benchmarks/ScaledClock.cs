using System.Diagnostics;

namespace WorkSights.Benchmarks;

/// <summary>
/// A clock that starts now and runs <see cref="Factor"/> times faster than real time, shared by the sandbox (whose
/// 10-minute throttling window it drives) and the application (which parks mailboxes, schedules runs and waits for
/// Graph's Retry-After by it).
/// </summary>
internal sealed class ScaledClock(double factor) : TimeProvider
{
    private readonly DateTimeOffset start = DateTimeOffset.UtcNow;
    private readonly long started = Stopwatch.GetTimestamp();

    public double Factor => factor;

    public override DateTimeOffset GetUtcNow() => start + (Stopwatch.GetElapsedTime(started) * factor);

    /// <summary>Timers run faster too: a wait of ten emulated minutes (a Graph retry, say) takes ten real seconds.</summary>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        base.CreateTimer(callback, state, Faster(dueTime), Faster(period));

    private TimeSpan Faster(TimeSpan span) => span == Timeout.InfiniteTimeSpan || span <= TimeSpan.Zero ? span : span / factor;
}
