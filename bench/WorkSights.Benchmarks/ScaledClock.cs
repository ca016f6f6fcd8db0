using System.Diagnostics;

namespace WorkSights.Benchmarks;

/// <summary>
/// A clock that starts now and runs <see cref="Factor"/> times faster than real time, shared by the sandbox (whose
/// 10-minute throttling window it drives) and the application (which parks mailboxes and schedules runs by it).
/// </summary>
internal sealed class ScaledClock(double factor) : TimeProvider
{
    private readonly DateTimeOffset start = DateTimeOffset.UtcNow;
    private readonly long started = Stopwatch.GetTimestamp();

    public double Factor => factor;

    public override DateTimeOffset GetUtcNow() => start + (Stopwatch.GetElapsedTime(started) * factor);
}
