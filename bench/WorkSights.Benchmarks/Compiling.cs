using System.Runtime;

namespace WorkSights.Benchmarks;

/// <summary>How many methods the runtime compiled (at any tier) during a stretch of the run, and the time it spent on them.</summary>
internal readonly record struct Compiling(long MethodsAtStart, TimeSpan TimeAtStart)
{
    public static Compiling Start() => new(JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime());

    /// <summary>"12,366 methods in 8.81 s".</summary>
    public string Describe() =>
        $"{JitInfo.GetCompiledMethodCount() - MethodsAtStart:N0} methods in {Report.Seconds(JitInfo.GetCompilationTime() - TimeAtStart)}";
}
