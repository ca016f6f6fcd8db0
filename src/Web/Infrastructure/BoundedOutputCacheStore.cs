using Microsoft.AspNetCore.OutputCaching;

namespace WorkSights.Web.Infrastructure;

/// <summary>
/// The output cache's store: pages' bodies up to <paramref name="capacityBytes"/>, the least recently served going first
/// to make room for a new one at once. The framework's store refuses a new entry while it is full and compacts in the
/// background by a twentieth, so with a few megabytes filled by pages asked for once, a 500 KB page was never cached.
/// </summary>
public sealed class BoundedOutputCacheStore(long capacityBytes, TimeProvider clock) : IOutputCacheStore
{
    /// <summary>What an entry costs beyond its body: its key, tags and bookkeeping, roughly.</summary>
    private const int EntryOverhead = 256;

    private readonly Dictionary<string, LinkedListNode<Entry>> entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> recentFirst = new();
    private readonly Lock gate = new();
    private long size;

    /// <summary>The bytes the entries held count for now.</summary>
    public long Size
    {
        get
        {
            lock (gate)
            {
                return size;
            }
        }
    }

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (!entries.TryGetValue(key, out var node))
            {
                return ValueTask.FromResult<byte[]?>(null);
            }

            if (node.Value.ExpiresAt <= clock.GetUtcNow())
            {
                Remove(node);
                return ValueTask.FromResult<byte[]?>(null);
            }

            recentFirst.Remove(node);
            recentFirst.AddFirst(node);
            return ValueTask.FromResult<byte[]?>(node.Value.Body);
        }
    }

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        var entry = new Entry(key, value, tags ?? [], clock.GetUtcNow() + validFor, Cost(key, value));
        lock (gate)
        {
            if (entries.TryGetValue(key, out var existing))
            {
                Remove(existing);
            }

            if (entry.Cost > capacityBytes)
            {
                return ValueTask.CompletedTask;
            }

            while (size + entry.Cost > capacityBytes && recentFirst.Last is { } oldest)
            {
                Remove(oldest);
            }

            entries[key] = recentFirst.AddFirst(entry);
            size += entry.Cost;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            for (var node = recentFirst.First; node is not null;)
            {
                var next = node.Next;
                if (node.Value.Tags.Contains(tag, StringComparer.Ordinal))
                {
                    Remove(node);
                }

                node = next;
            }
        }

        return ValueTask.CompletedTask;
    }

    private static long Cost(string key, byte[] value) => value.LongLength + (key.Length * sizeof(char)) + EntryOverhead;

    private void Remove(LinkedListNode<Entry> node)
    {
        recentFirst.Remove(node);
        entries.Remove(node.Value.Key);
        size -= node.Value.Cost;
    }

    private sealed record Entry(string Key, byte[] Body, string[] Tags, DateTimeOffset ExpiresAt, long Cost);
}
