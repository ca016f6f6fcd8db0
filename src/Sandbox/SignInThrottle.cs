namespace WorkSights.Sandbox;

/// <summary>The sign-ins API's limit: a number of requests per 10 seconds for each app + tenant pair (sliding window, sandbox clock).</summary>
internal sealed class SignInThrottle(int requestsPer10Seconds, TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);
    private readonly Lock gate = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> windows = new(StringComparer.OrdinalIgnoreCase);
    private int limit = requestsPer10Seconds;

    public int Limit
    {
        get => Volatile.Read(ref limit);
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            Volatile.Write(ref limit, value);
        }
    }

    /// <summary>Counts one request; false (with whole seconds until a slot frees up) when the window is full.</summary>
    public bool TryCount(string key, out int retryAfterSeconds)
    {
        retryAfterSeconds = 0;
        var now = clock.GetUtcNow();
        lock (gate)
        {
            if (!windows.TryGetValue(key, out var queue))
            {
                windows[key] = queue = new Queue<DateTimeOffset>();
            }

            while (queue.Count > 0 && queue.Peek() <= now - Window)
            {
                queue.Dequeue();
            }

            if (queue.Count >= Limit)
            {
                retryAfterSeconds = Math.Max(1, (int)Math.Ceiling((queue.Peek() + Window - now).TotalSeconds));
                return false;
            }

            queue.Enqueue(now);
            return true;
        }
    }
}
