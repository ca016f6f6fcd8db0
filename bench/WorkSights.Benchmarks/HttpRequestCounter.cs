using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace WorkSights.Benchmarks;

/// <summary>Counts the process's outgoing HTTP requests by status, from .NET's own http.client.request.duration metric.</summary>
internal sealed class HttpRequestCounter : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<int, long> byStatus = new();

    public HttpRequestCounter()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "System.Net.Http" && instrument.Name == "http.client.request.duration")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            var status = 0;
            foreach (var tag in tags)
            {
                if (tag.Key == "http.response.status_code" && tag.Value is int code)
                {
                    status = code;
                }
            }

            byStatus.AddOrUpdate(status, 1, (_, n) => n + 1);
        });
        listener.Start();
    }

    public long Total => byStatus.Values.Sum();

    public long Count(int status) => byStatus.GetValueOrDefault(status);

    public string Describe() => string.Join(", ", byStatus.OrderBy(s => s.Key).Select(s => $"{(s.Key == 0 ? "no response" : s.Key.ToString(System.Globalization.CultureInfo.InvariantCulture))}: {s.Value:N0}"));

    public void Reset() => byStatus.Clear();

    public void Dispose() => listener.Dispose();
}
