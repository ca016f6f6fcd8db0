using System.Diagnostics;

namespace WorkSights.Benchmarks;

internal static class Measure
{
    public static async Task<int> CountAsync(Func<Task<int>> run) => await run();

    /// <summary>The fastest of several rounds, after one warm-up round, to keep noise from the other core out.</summary>
    public static async Task<TimeSpan> BestOfAsync(int rounds, Func<Task<int>> run)
    {
        await run();
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < rounds; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await run();
            var elapsed = Stopwatch.GetElapsedTime(started);
            best = elapsed < best ? elapsed : best;
        }

        return best;
    }
}
