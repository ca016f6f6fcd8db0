namespace WorkSights.Sandbox;

/// <summary>One request served by the sandbox: full path and query, and the request's <c>Prefer</c> header (null when absent).
/// Requests run inside a <c>$batch</c> are logged too, as their own entries.</summary>
public sealed record SandboxRequestLogEntry(
    DateTimeOffset TimestampUtc,
    string Scheme,
    string Method,
    string PathAndQuery,
    int StatusCode,
    bool HadAuthorizationHeader,
    string? Prefer = null)
{
    /// <summary>The response's <c>Retry-After</c> header (whole seconds), when it had one.</summary>
    public string? RetryAfter { get; init; }
}

/// <summary>Thread-safe, capped log of the requests served (the most recent <see cref="Capacity"/> are kept).</summary>
public sealed class SandboxRequestLog
{
    private readonly Lock gate = new();
    private readonly Queue<SandboxRequestLogEntry> entries = new();

    /// <summary>Maximum number of entries kept.</summary>
    public int Capacity { get; } = 10_000;

    /// <summary>A snapshot, oldest first.</summary>
    public IReadOnlyList<SandboxRequestLogEntry> Entries
    {
        get
        {
            lock (gate)
            {
                return [.. entries];
            }
        }
    }

    /// <summary>Removes every entry.</summary>
    public void Clear()
    {
        lock (gate)
        {
            entries.Clear();
        }
    }

    internal void Add(SandboxRequestLogEntry entry)
    {
        lock (gate)
        {
            entries.Enqueue(entry);
            while (entries.Count > Capacity)
            {
                entries.Dequeue();
            }
        }
    }
}
