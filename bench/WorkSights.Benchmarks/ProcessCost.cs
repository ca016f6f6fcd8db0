using System.Diagnostics;

namespace WorkSights.Benchmarks;

/// <summary>
/// What a stretch of the run cost in processor time — the application's process (all threads) and the sandbox's (the
/// benchmark's parent process), which share the machine's cores — and the application's garbage collections and their
/// pauses.
/// </summary>
internal sealed class ProcessCost
{
    private readonly Process sandbox;
    private readonly TimeSpan applicationAtStart = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly TimeSpan sandboxAtStart;
    private readonly TimeSpan pausedAtStart = GC.GetTotalPauseDuration();
    private readonly int collectionsAtStart = GC.CollectionCount(0);

    private ProcessCost(int sandboxProcessId)
    {
        sandbox = Process.GetProcessById(sandboxProcessId);
        sandboxAtStart = sandbox.TotalProcessorTime;
    }

    public static ProcessCost Start(int sandboxProcessId) => new(sandboxProcessId);

    /// <summary>"application 41.2 s (0.93 cores), sandbox 30.1 s (0.68 cores) of 2 cores; 312 collections pausing 2.1 s".</summary>
    public string Describe(TimeSpan wall)
    {
        var application = Process.GetCurrentProcess().TotalProcessorTime - applicationAtStart;
        sandbox.Refresh();
        var served = sandbox.TotalProcessorTime - sandboxAtStart;
        var collections = GC.CollectionCount(0) - collectionsAtStart;
        var paused = GC.GetTotalPauseDuration() - pausedAtStart;
        return $"application {Report.Seconds(application)} ({application / wall:F2} cores), sandbox {Report.Seconds(served)} ({served / wall:F2} cores) "
            + $"of {Environment.ProcessorCount} cores; {collections:N0} collections pausing {Report.Seconds(paused)}";
    }
}
