using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace WorkSights.Infrastructure.Persistence;

/// <summary>
/// How long each step of writing a page of activities takes — waiting for the write lock, the upserts, the dirty-day marks, the page's other
/// changes (its checkpoint), the commit of its group — as the histogram <c>worksights.activities.page_write.duration</c>
/// (seconds, tagged <c>step</c>; a commit is recorded once per group), and how many pages each commit stored
/// (<c>worksights.activities.commit.pages</c>), for any metrics exporter or <c>dotnet-counters</c>.
/// </summary>
internal static class ActivityWriteMetrics
{
    public const string MeterName = "WorkSights.Persistence";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> PageWrite = Meter.CreateHistogram<double>(
        "worksights.activities.page_write.duration", "s", "Time one page of activities spends in each step of its write.");

    private static readonly Histogram<int> CommitPages = Meter.CreateHistogram<int>(
        "worksights.activities.commit.pages", "{page}", "Pages of activities stored by one commit.");

    public static void PagesCommitted(int pages)
    {
        if (CommitPages.Enabled)
        {
            CommitPages.Record(pages);
        }
    }

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
