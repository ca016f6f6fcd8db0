namespace WorkSights.Sandbox;

/// <summary>Outlook throttling envelope: a 10-minute sliding window per app + mailbox and a concurrency cap per mailbox.</summary>
internal sealed class MailboxThrottle(SandboxOptions options, TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private readonly Lock gate = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> windows = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> inFlight = new(StringComparer.OrdinalIgnoreCase);

    public bool TryEnter(string mailbox)
    {
        lock (gate)
        {
            var current = inFlight.GetValueOrDefault(mailbox);
            if (current >= Math.Max(1, options.MailboxConcurrency))
            {
                return false;
            }

            inFlight[mailbox] = current + 1;
            return true;
        }
    }

    public void Exit(string mailbox)
    {
        lock (gate)
        {
            var current = inFlight.GetValueOrDefault(mailbox) - 1;
            if (current <= 0)
            {
                inFlight.Remove(mailbox);
            }
            else
            {
                inFlight[mailbox] = current;
            }
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

            if (queue.Count >= Math.Max(1, options.MailboxRequestsPer10Minutes))
            {
                retryAfterSeconds = Math.Max(1, (int)Math.Ceiling((queue.Peek() + Window - now).TotalSeconds));
                return false;
            }

            queue.Enqueue(now);
            return true;
        }
    }
}
