using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace WorkSights.Infrastructure.IntegrationTests.Support;

/// <summary>
/// Collects one instrument of the WorkSights.Persistence meter, with the value of its <c>step</c> tag if any. Meters are
/// process-wide: tests using this belong to <see cref="PersistenceMetricsCollection"/>, which runs alone.
/// </summary>
public sealed class PersistenceMeasurements<T> : IDisposable
    where T : struct
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<(string? Step, T Value)> measurements = new();

    public PersistenceMeasurements(string instrumentName)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "WorkSights.Persistence" && instrument.Name == instrumentName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<T>((_, value, tags, _) =>
        {
            string? step = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "step" && tag.Value is string name)
                {
                    step = name;
                }
            }

            measurements.Enqueue((step, value));
        });
        listener.Start();
    }

    public IReadOnlyList<(string? Step, T Value)> All => [.. measurements];

    public void Dispose() => listener.Dispose();
}

[CollectionDefinition(nameof(PersistenceMetricsCollection), DisableParallelization = true)]
public sealed class PersistenceMetricsCollection;
