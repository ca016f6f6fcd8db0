using System.Diagnostics;

namespace WorkSights.Benchmarks;

/// <summary>What a stretch of the run cost this process: processor time (all threads), garbage collections and their pauses.</summary>
internal sealed class ProcessCost
{
    private readonly TimeSpan processorAtStart = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly TimeSpan pausedAtStart = GC.GetTotalPauseDuration();
    private readonly int collectionsAtStart = GC.CollectionCount(0);

    public static ProcessCost Start() => new();

    /// <summary>"41.2 s of processor (0.93 of a core), 312 collections pausing 2.1 s".</summary>
    public string Describe(TimeSpan wall)
    {
        var processor = Process.GetCurrentProcess().TotalProcessorTime - processorAtStart;
        var collections = GC.CollectionCount(0) - collectionsAtStart;
        var paused = GC.GetTotalPauseDuration() - pausedAtStart;
        return $"{Report.Seconds(processor)} of processor ({processor / wall:F2} of a core of {Environment.ProcessorCount}), {collections:N0} collections pausing {Report.Seconds(paused)}";
    }
}
