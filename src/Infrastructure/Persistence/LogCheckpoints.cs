using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace WorkSights.Infrastructure.Persistence;

/// <summary>
/// Copies the write-ahead log back into the database (a checkpoint) on a connection and a task of its own, so that the
/// writer connection, whose automatic checkpoints are off, never stops a group commit to do it. A pass runs after a commit,
/// at most once per <see cref="LogCheckpointSettings.PassInterval"/>, and copies what the log holds without waiting for
/// anyone.
/// </summary>
/// <remarks>
/// SQLite starts the log over only when a write begins with every frame of it copied; a writer that never pauses keeps
/// adding frames while a pass copies, so the log would grow for as long as a backfill runs. Once it holds
/// <see cref="LogCheckpointSettings.RestartAfterPages"/> pages, a pass therefore finishes between two groups, with the
/// write gate held: by then only the frames since the previous pass are left to copy.
/// </remarks>
internal sealed partial class LogCheckpoints : IDisposable
{
    private readonly string connectionString;
    private readonly Func<CancellationToken, Task<IAsyncDisposable>> betweenGroups;
    private readonly LogCheckpointSettings settings;
    private readonly ILogger logger;
    private readonly Channel<bool> commits = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource stopping = new();
    private readonly Task passes;

    /// <param name="betweenGroups">Takes the write gate once the open group has committed; disposing gives it back.</param>
    public LogCheckpoints(string connectionString, Func<CancellationToken, Task<IAsyncDisposable>> betweenGroups, LogCheckpointSettings settings, ILogger logger)
    {
        this.connectionString = connectionString;
        this.betweenGroups = betweenGroups;
        this.settings = settings;
        this.logger = logger;
        passes = Task.Run(() => RunAsync(stopping.Token));
    }

    /// <summary>Called after each commit of the writer connection.</summary>
    public void Committed() => commits.Writer.TryWrite(true);

    public void Dispose()
    {
        stopping.Cancel();
        commits.Writer.TryComplete();
        // The loop ends by cancellation and logs whatever else it meets, so waiting for it cannot throw.
        passes.Wait(TimeSpan.FromSeconds(10));
        stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            SqlitePragmas.Apply(connection);
            while (await commits.Reader.WaitToReadAsync(cancellationToken))
            {
                commits.Reader.TryRead(out _);
                await PassAsync(connection, cancellationToken);
                await Task.Delay(settings.PassInterval, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception failure)
        {
            // Its connection could not be opened: only the other connections' automatic checkpoints copy the log now.
            LogStopped(failure);
        }
    }

    private async Task PassAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            var logPages = await CheckpointAsync(connection, cancellationToken);
            if (logPages >= settings.RestartAfterPages)
            {
                await using (await betweenGroups(cancellationToken))
                {
                    await CheckpointAsync(connection, cancellationToken);
                }
            }
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // The next commit brings another pass; until then the log only grows.
            LogPassFailed(failure);
        }
    }

    /// <summary>A passive checkpoint; returns the number of pages in the log.</summary>
    private static async Task<long> CheckpointAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await using var result = await command.ExecuteReaderAsync(cancellationToken);
        return await result.ReadAsync(cancellationToken) ? result.GetInt64(1) : 0;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Copying the write-ahead log back into the database failed; the next commit tries again")]
    private partial void LogPassFailed(Exception failure);

    [LoggerMessage(Level = LogLevel.Error, Message = "Copying the write-ahead log back into the database stopped")]
    private partial void LogStopped(Exception failure);
}

/// <param name="RestartAfterPages">The log's length (pages of 4 KB) at which a pass finishes between two groups so that
/// the log starts over.</param>
/// <param name="PassInterval">The least time between two passes: a database page the writer changes again and again is
/// copied once per pass.</param>
internal sealed record LogCheckpointSettings(int RestartAfterPages, TimeSpan PassInterval)
{
    public static LogCheckpointSettings Default { get; } = new(16_384, TimeSpan.FromSeconds(1));
}
