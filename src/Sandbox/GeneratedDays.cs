using System.Collections.Concurrent;

namespace WorkSights.Sandbox;

/// <summary>
/// What a generator made for one person and one day, kept for reuse and emptied when it outgrows its limit (generation
/// is deterministic, so a day dropped is made again identically). The count is kept here: asking a ConcurrentDictionary
/// for its Count takes every one of its locks, and doing so on each lookup serialised all of the sandbox's requests.
/// </summary>
internal sealed class GeneratedDays<T>(int limit)
{
    private readonly ConcurrentDictionary<(string Key, DateOnly Day), T[]> days = new();
    private int added;

    public T[] GetOrAdd(string key, DateOnly day, Func<T[]> generate)
    {
        if (days.TryGetValue((key, day), out var cached))
        {
            return cached;
        }

        var generated = generate();
        if (Interlocked.Increment(ref added) > limit)
        {
            days.Clear();
            Interlocked.Exchange(ref added, 0);
        }

        return days.GetOrAdd((key, day), generated);
    }
}
