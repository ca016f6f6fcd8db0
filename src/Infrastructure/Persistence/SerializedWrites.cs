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

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly ConditionalWeakTable<DbContext, object> holders = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        gate.Wait();
        Hold(eventData.Context);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
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

    /// <summary>Only a context that holds the gate gives it back: a save cancelled while waiting never got it.</summary>
    private void Release(DbContext? context)
    {
        if (context is not null && holders.Remove(context))
        {
            gate.Release();
        }
    }
}
