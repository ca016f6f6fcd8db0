namespace WorkSights.Application.Ingestion.Arrivals;

/// <summary>
/// Tells open pages, within this process, that a sync page has just stored activities: which workspace, whose and with
/// which sync time, so that a listener loads only those rows. Numbered in order; the most recent
/// <see cref="Capacity"/> announcements are kept so that a listener that reconnects can catch up.
/// </summary>
/// <remarks>One waiting task for all listeners: 16 open streams cost 16 awaits, not 16 database polls.</remarks>
public sealed class ActivityArrivals
{
    public const int Capacity = 512;

    private readonly Lock gate = new();
    private readonly Queue<ActivityArrival> recent = new();
    private TaskCompletionSource next = NewSignal();
    private long latest;

    /// <summary>Differs between runs of the app, so that a sequence number from an earlier run is not mistaken for one of this run.</summary>
    public string Epoch { get; } = Guid.NewGuid().ToString("N")[..8];

    public long Latest
    {
        get
        {
            lock (gate)
            {
                return latest;
            }
        }
    }

    public void Announce(Guid tenantId, IEnumerable<Guid> people, DateTimeOffset syncedAt)
    {
        var persons = people.ToHashSet();
        if (persons.Count == 0)
        {
            return;
        }

        TaskCompletionSource signal;
        lock (gate)
        {
            latest++;
            recent.Enqueue(new ActivityArrival(latest, tenantId, persons, syncedAt));
            while (recent.Count > Capacity)
            {
                recent.Dequeue();
            }

            signal = next;
            next = NewSignal();
        }

        signal.TrySetResult();
    }

    /// <summary>The announcements after <paramref name="sequence"/> still kept, oldest first.</summary>
    public IReadOnlyList<ActivityArrival> After(long sequence)
    {
        lock (gate)
        {
            return recent.Where(a => a.Sequence > sequence).ToList();
        }
    }

    /// <summary>Completes once something after <paramref name="sequence"/> is announced, or when <paramref name="timeout"/> passes.</summary>
    public async Task WaitAfterAsync(long sequence, TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        Task signal;
        lock (gate)
        {
            if (latest > sequence)
            {
                return;
            }

            signal = next.Task;
        }

        using var delay = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timer = Task.Delay(timeout, clock, delay.Token);
        await Task.WhenAny(signal, timer).ConfigureAwait(false);
        await delay.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <param name="SyncedAt">The sync time written on every row of the page.</param>
public sealed record ActivityArrival(long Sequence, Guid TenantId, IReadOnlySet<Guid> People, DateTimeOffset SyncedAt);
