using System.Diagnostics;

namespace WorkSights.Benchmarks;

/// <summary>
/// Peak memory over one measurement: the kernel's resident high-water mark (Process.PeakWorkingSet64 = VmHWM, reset at
/// the start through /proc/self/clear_refs) and the largest managed heap seen by sampling GC.GetTotalMemory.
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly Thread thread;
    private volatile bool stopping;
    private long peakManaged;
    private long peakCommitted;
    private long peakSampledWorkingSet;

    private MemorySampler()
    {
        BaselineWorkingSet = Environment.WorkingSet;
        BaselineManaged = GC.GetTotalMemory(false);
        thread = new Thread(Sample) { IsBackground = true, Name = "memory sampler" };
        thread.Start();
    }

    public long BaselineWorkingSet { get; }

    public long BaselineManaged { get; }

    public long PeakManaged => Interlocked.Read(ref peakManaged);

    /// <summary>The most memory the garbage collector held committed, as of each collection sampled.</summary>
    public long PeakCommitted => Interlocked.Read(ref peakCommitted);

    /// <summary>The kernel's high-water mark since <see cref="Start"/> (falls back to the sampled peak).</summary>
    public long PeakWorkingSet { get; private set; }

    public bool HighWaterMarkReset { get; private init; }

    /// <summary>Collects garbage, hands back the collector's spare memory, resets the kernel's high-water mark and starts sampling.</summary>
    public static MemorySampler Start()
    {
        // Aggressive: besides collecting, the collector hands back the memory it still holds committed from what ran before
        // (a seeding of millions of rows), as malloc_trim does for the C allocator's.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var reset = false;
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            reset = true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Without the reset the peak is the process's lifetime peak; the sampled peak is reported beside it.
        }

        return new MemorySampler { HighWaterMarkReset = reset };
    }

    public void Stop()
    {
        stopping = true;
        thread.Join();
        using var process = Process.GetCurrentProcess();
        PeakWorkingSet = HighWaterMarkReset ? Math.Max(process.PeakWorkingSet64, peakSampledWorkingSet) : peakSampledWorkingSet;
    }

    public void Dispose()
    {
        if (!stopping)
        {
            Stop();
        }
    }

    private void Sample()
    {
        while (!stopping)
        {
            var managed = GC.GetTotalMemory(false);
            if (managed > peakManaged)
            {
                Interlocked.Exchange(ref peakManaged, managed);
            }

            var committed = GC.GetGCMemoryInfo().TotalCommittedBytes;
            if (committed > peakCommitted)
            {
                Interlocked.Exchange(ref peakCommitted, committed);
            }

            var workingSet = Environment.WorkingSet;
            if (workingSet > peakSampledWorkingSet)
            {
                peakSampledWorkingSet = workingSet;
            }

            Thread.Sleep(20);
        }
    }
}
