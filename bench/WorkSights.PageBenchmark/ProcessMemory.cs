using System.Diagnostics;

namespace WorkSights.PageBenchmark;

/// <summary>
/// Peak resident memory of another process over one measurement: the kernel's high-water mark (VmHWM, reset at the start
/// through /proc/PID/clear_refs) and the largest working set sampled every 20 ms, whichever is larger.
/// </summary>
internal sealed class ProcessMemory : IDisposable
{
    private readonly Process process;
    private readonly Thread thread;
    private readonly bool highWaterMarkReset;
    private volatile bool stopping;
    private long peakSampled;

    private ProcessMemory(int processId)
    {
        process = Process.GetProcessById(processId);
        try
        {
            File.WriteAllText($"/proc/{processId}/clear_refs", "5");
            highWaterMarkReset = true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The sampled peak alone then.
        }

        Baseline = process.WorkingSet64;
        thread = new Thread(Sample) { IsBackground = true, Name = "child memory sampler" };
        thread.Start();
    }

    public long Baseline { get; }

    public long Peak { get; private set; }

    public static ProcessMemory Start(int processId) => new(processId);

    public void Stop()
    {
        stopping = true;
        thread.Join();
        process.Refresh();
        Peak = highWaterMarkReset ? Math.Max(process.PeakWorkingSet64, peakSampled) : peakSampled;
    }

    public void Dispose()
    {
        if (!stopping)
        {
            Stop();
        }

        process.Dispose();
    }

    private void Sample()
    {
        while (!stopping)
        {
            process.Refresh();
            peakSampled = Math.Max(peakSampled, process.WorkingSet64);
            Thread.Sleep(20);
        }
    }
}
