using System.Runtime.InteropServices;

namespace WorkSights.Benchmarks;

/// <summary>
/// Microsoft's servers do not share the application's processors; the sandbox standing in for them here, in this process,
/// does. Once the application's child process has started, every thread of this process is lowered to nice 10 (threads
/// started later inherit it), so the sandbox runs on the processor time the application leaves instead of taking an equal
/// share of it. Linux only: elsewhere nothing changes and the report says so.
/// </summary>
/// <remarks>An unprivileged process cannot raise its priority again, so the rest of the run keeps the lowered one, and a
/// later child process (the memory section's 2,000-person backfill) inherits it: that one shares the cores equally with
/// the sandbox, as every run did before.</remarks>
internal static class RemoteServicePriority
{
    private const int Nice = 10;
    private const int PrioProcess = 0;

    private static string? described;

    /// <summary>Lowers this process's threads once and says what was done.</summary>
    public static string Lower()
    {
        if (described is not null)
        {
            return described;
        }

        if (!OperatingSystem.IsLinux())
        {
            return described = "not lowered (Linux only): the sandbox competes with the application for the cores";
        }

        var lowered = 0;
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            // On Linux the nice value belongs to each thread, and the "process" setpriority names is a thread id.
            if (int.TryParse(Path.GetFileName(task), out var threadId) && SetPriority(PrioProcess, threadId, Nice) == 0)
            {
                lowered++;
            }
        }

        return described = $"nice {Nice} on the sandbox's process ({lowered} threads), as a remote service would not share the application's cores";
    }

    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int priority);
}
