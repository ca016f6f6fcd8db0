using System.Runtime.InteropServices;

namespace WorkSights.PageBenchmark;

/// <summary>
/// Hands the memory the C allocator holds but no longer uses back to the kernel: SQLite's caches from seeding millions of
/// rows a moment earlier in the same process would otherwise count towards what the pages are measured to need.
/// </summary>
internal static class NativeMemory
{
    public static void ReturnFreed()
    {
        if (OperatingSystem.IsLinux())
        {
            _ = MallocTrim(0);
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
