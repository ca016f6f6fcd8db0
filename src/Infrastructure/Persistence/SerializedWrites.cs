using System.Data.Common;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace WorkSights.Infrastructure.Persistence;

/// <summary>
/// Lets one writer at a time write to the database. SQLite has a single write lock anyway; a second writer that meets it
/// is put to sleep by the provider and polls, so several sync workers saving at once mostly wait. Queueing them here
/// instead hands the lock over the moment it is free. Reads are not held: with write-ahead logging they never wait for
/// the writer.
/// </summary>
/// <remarks>
/// Pages of activities (<see cref="WritePageAsync"/>) are written on one connection of the gate's own and committed in
/// groups: while other writers queue, a page's transaction stays open for the next page, and the last page of the
/// queue commits them all (group commit). A commit writes every database page the transaction touched to the log, so
/// the pages of one person's index entries and the hot tails of every index are written once per group instead of once
/// per page, and one connection keeps its page cache from one commit to the next. Each page waits for its group's
/// commit before it returns, so a page and its checkpoint are still stored together or not at all. Any other save takes
/// the gate only after committing the open group. The writer connection leaves copying the log back into the database
/// to <see cref="LogCheckpoints"/>.
/// </remarks>
internal sealed class SerializedWrites : SaveChangesInterceptor, IDisposable
{
    /// <summary>Groups are bounded by the number of writers (each waits for its commit); this bounds them besides.</summary>
    private const int MaxPagesPerCommit = 32;

    private static readonly TimeSpan DisposeWait = TimeSpan.FromSeconds(10);

    private static readonly object Held = new();
    private static readonly object HeldForTransaction = new();

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly ConditionalWeakTable<DbContext, object> holders = [];
    private readonly LogCheckpointSettings checkpointSettings;
    private readonly ILogger logger;

    /// <summary>Writers waiting for the gate or about to: while there are some, the open group stays open for them.</summary>
    private int waiting;

    /// <summary>Touched only by the gate's holder.</summary>
    private SqliteConnection? writer;

    private volatile bool disposed;

    /// <summary>Touched only by the gate's holder.</summary>
    private GroupTransaction? group;

    /// <summary>Created with the writer connection.</summary>
    private LogCheckpoints? checkpoints;

    public SerializedWrites()
        : this(LogCheckpointSettings.Default, NullLogger<SerializedWrites>.Instance)
    {
    }

    public SerializedWrites(ILogger<SerializedWrites> logger)
        : this(LogCheckpointSettings.Default, logger)
    {
    }

    internal SerializedWrites(LogCheckpointSettings checkpointSettings, ILogger logger)
    {
        this.checkpointSettings = checkpointSettings;
        this.logger = logger;
    }

    /// <summary>
    /// Holds the gate for a whole transaction of <paramref name="context"/>: its saves inside pass straight through. Taking
    /// the gate before SQLite's lock is what keeps two writers from waiting on each other.
    /// </summary>
    public async Task<IAsyncDisposable> HoldAsync(DbContext context, CancellationToken cancellationToken)
    {
        await EnterAsync(cancellationToken);
        CommitOpenGroup();
        holders.AddOrUpdate(context, HeldForTransaction);
        return new Holding(this, context);
    }

    /// <summary>
    /// Runs <paramref name="write"/> — one page's writes, on the writer connection inside the given transaction — as part
    /// of the open group, and returns once the group has committed. A failed page is undone alone.
    /// </summary>
    public async Task<int> WritePageAsync(DbContext context, Func<DbTransaction, CancellationToken, Task<int>> write, CancellationToken cancellationToken)
    {
        var step = Stopwatch.GetTimestamp();
        await EnterAsync(cancellationToken);
        ActivityWriteMetrics.Step("lock wait", step);
        holders.AddOrUpdate(context, HeldForTransaction);
        Task committed;
        int written;
        try
        {
            group ??= GroupTransaction.Begin(WriterFor(context));
            written = await group.WriteAsync(write, cancellationToken);
            committed = group.Committed;
            if (Volatile.Read(ref waiting) == 0 || group.Pages >= MaxPagesPerCommit)
            {
                CommitOpenGroup();
            }
        }
        catch (Exception failure)
        {
            if (group is { IsBroken: true } broken)
            {
                group = null;
                broken.Abandon(failure);
            }
            else if (Volatile.Read(ref waiting) == 0)
            {
                CommitOpenGroup();
            }

            throw;
        }
        finally
        {
            holders.Remove(context);
            gate.Release();
        }

        await committed;
        return written;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (IsHeldForTransaction(eventData.Context))
        {
            return result;
        }

        Enter();
        Hold(eventData.Context);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (IsHeldForTransaction(eventData.Context))
        {
            return result;
        }

        await EnterAsync(cancellationToken);
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

    /// <summary>
    /// A writer still inside the gate (a sync page finishing while the host stops) owns the writer connection until it
    /// leaves, so the connection is closed only by whoever holds the gate; one that never leaves keeps it, and the process
    /// ending closes it. The gate itself is not disposed: such a writer still releases it.
    /// </summary>
    public void Dispose()
    {
        disposed = true;
        checkpoints?.Dispose();
        if (!gate.Wait(DisposeWait))
        {
            logger.LogWarning("A database write was still running after {Seconds} s at shutdown; its connection is left to the process's end.", DisposeWait.TotalSeconds);
            return;
        }

        try
        {
            group?.Abandon(new ObjectDisposedException(nameof(SerializedWrites)));
            group = null;
            writer?.Dispose();
            writer = null;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>A synchronous save cannot be cancelled while it waits, so it never leaves a group without a committer.</summary>
    private void Enter()
    {
        Interlocked.Increment(ref waiting);
        try
        {
            gate.Wait();
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
        }
    }

    private async Task EnterAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref waiting);
        try
        {
            await gate.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            if (Interlocked.Decrement(ref waiting) == 0)
            {
                // The last holder may have left the group open for this writer: commit it in its stead.
                _ = CommitWhenFreeAsync();
            }

            throw;
        }

        Interlocked.Decrement(ref waiting);
    }

    private async Task CommitWhenFreeAsync()
    {
        await EnterAsync(CancellationToken.None);
        try
        {
            CommitOpenGroup();
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Only the gate's holder calls this.</summary>
    private void CommitOpenGroup()
    {
        if (group is not { } open)
        {
            return;
        }

        group = null;
        var step = Stopwatch.GetTimestamp();
        open.Commit();
        ActivityWriteMetrics.Step("commit", step);
        ActivityWriteMetrics.PagesCommitted(open.Pages);
        checkpoints?.Committed();
    }

    /// <remarks>After disposal no writer connection is opened again: a late write fails instead of outliving the host.</remarks>
    private SqliteConnection WriterFor(DbContext context)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (writer is null)
        {
            var connectionString = new SqliteConnectionStringBuilder(context.Database.GetConnectionString()) { Pooling = false }.ToString();
            var connection = new SqliteConnection(connectionString);
            connection.Open();
            SqlitePragmas.Apply(connection);
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "PRAGMA wal_autocheckpoint=0;";
                command.ExecuteNonQuery();
            }

            writer = connection;
            checkpoints = new LogCheckpoints(connectionString, EnterBetweenGroupsAsync, checkpointSettings, logger);
        }

        return writer;
    }

    /// <summary>Holds the gate, with the open group committed, until the result is disposed.</summary>
    private async Task<IAsyncDisposable> EnterBetweenGroupsAsync(CancellationToken cancellationToken)
    {
        await EnterAsync(cancellationToken);
        CommitOpenGroup();
        return new Holding(this, null);
    }

    /// <summary>A plain save holds the gate from its start to its end; the open group commits first.</summary>
    private void Hold(DbContext? context)
    {
        CommitOpenGroup();
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

    /// <param name="context">The context holding the gate for its transaction, or null when no context holds it.</param>
    private sealed class Holding(SerializedWrites writes, DbContext? context) : IAsyncDisposable
    {
        private int released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref released, 1) == 0 && (context is null || writes.holders.Remove(context)))
            {
                writes.gate.Release();
            }

            return ValueTask.CompletedTask;
        }
    }
}
