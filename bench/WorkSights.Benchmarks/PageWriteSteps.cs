using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace WorkSights.Benchmarks;

/// <summary>Sums the application's own page-write metric (worksights.activities.page_write.duration) by step.</summary>
internal sealed class PageWriteSteps : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<string, (long Count, double Seconds)> bySteps = new(StringComparer.Ordinal);

    public PageWriteSteps()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "WorkSights.Persistence" && instrument.Name == "worksights.activities.page_write.duration")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
        {
            var step = "?";
            foreach (var tag in tags)
            {
                if (tag.Key == "step" && tag.Value is string value)
                {
                    step = value;
                }
            }

            bySteps.AddOrUpdate(step, (1, seconds), (_, sum) => (sum.Count + 1, sum.Seconds + seconds));
        });
        listener.Start();
    }

    public void Reset() => bySteps.Clear();

    /// <summary>"upsert 21.2 s, commit 13.4 s (2,659 pages), …", in the order the steps happen.</summary>
    public string Describe()
    {
        string[] order = ["lock wait", "upsert", "dirty days", "other changes", "commit"];
        var pages = bySteps.TryGetValue("upsert", out var upserts) ? upserts.Count : 0;
        var commits = bySteps.TryGetValue("commit", out var commit) ? commit.Count : 0;
        return $"{pages:N0} page writes in {commits:N0} commits; " + string.Join(", ", order.Where(bySteps.ContainsKey).Select(step => $"{step} {Report.Seconds(TimeSpan.FromSeconds(bySteps[step].Seconds))}"));
    }

    public void Dispose() => listener.Dispose();
}
