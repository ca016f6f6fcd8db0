using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace WorkSights.Infrastructure.Persistence;

/// <summary>
/// How long each step of writing a page of activities takes — waiting for the write lock, the upserts, the page's other
/// changes (its checkpoint), the commit — as the histogram <c>worksights.activities.page_write.duration</c> (seconds,
/// tagged <c>step</c>), for any metrics exporter or <c>dotnet-counters</c>.
/// </summary>
internal static class ActivityWriteMetrics
{
    public const string MeterName = "WorkSights.Persistence";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> PageWrite = Meter.CreateHistogram<double>(
        "worksights.activities.page_write.duration", "s", "Time one page of activities spends in each step of its write.");

    /// <summary>Records the time since <paramref name="since"/> (a <see cref="Stopwatch"/> timestamp) and returns now.</summary>
    public static long Step(string step, long since)
    {
        var now = Stopwatch.GetTimestamp();
        if (PageWrite.Enabled)
        {
            PageWrite.Record(Stopwatch.GetElapsedTime(since, now).TotalSeconds, new KeyValuePair<string, object?>("step", step));
        }

        return now;
    }
}
