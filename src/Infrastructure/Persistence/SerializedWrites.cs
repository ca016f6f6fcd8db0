using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WorkSights.Infrastructure.Persistence;

/// <summary>
/// Lets one SaveChanges at a time write to the database. SQLite has a single write lock anyway; a second writer that
/// meets it is put to sleep by the provider and polls, so several sync workers saving at once mostly wait. Queueing
/// them here instead hands the lock over the moment it is free. Reads are not held: with write-ahead logging they
/// never wait for the writer.
/// </summary>
internal sealed class SerializedWrites : SaveChangesInterceptor
{
    private static readonly object Held = new();
    private static readonly object HeldForTransaction = new();

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly ConditionalWeakTable<DbContext, object> holders = [];

    /// <summary>
    /// Holds the gate for a whole transaction of <paramref name="context"/>: its saves inside pass straight through. Taking
    /// the gate before SQLite's lock is what keeps two writers from waiting on each other.
    /// </summary>
    public async Task<IAsyncDisposable> HoldAsync(DbContext context, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        holders.AddOrUpdate(context, HeldForTransaction);
        return new Holding(this, context);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (IsHeldForTransaction(eventData.Context))
        {
            return result;
        }

        gate.Wait();
        Hold(eventData.Context);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (IsHeldForTransaction(eventData.Context))
        {
            return result;
        }

        await gate.WaitAsync(cancellationToken);
        Hold(eventData.Context);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Release(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    private void Hold(DbContext? context)
    {
        if (context is null)
        {
            gate.Release();
            return;
        }

        holders.AddOrUpdate(context, Held);
    }

    private bool IsHeldForTransaction(DbContext? context) =>
        context is not null && holders.TryGetValue(context, out var holding) && ReferenceEquals(holding, HeldForTransaction);

    /// <summary>Only a save that holds the gate gives it back: one cancelled while waiting never got it.</summary>
    private void Release(DbContext? context)
    {
        if (context is not null && holders.TryGetValue(context, out var holding) && ReferenceEquals(holding, Held) && holders.Remove(context))
        {
            gate.Release();
        }
    }

    private sealed class Holding(SerializedWrites writes, DbContext context) : IAsyncDisposable
    {
        private int released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref released, 1) == 0 && writes.holders.Remove(context))
            {
                writes.gate.Release();
            }

            return ValueTask.CompletedTask;
        }
    }
}
