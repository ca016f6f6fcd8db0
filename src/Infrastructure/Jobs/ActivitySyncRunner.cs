using System.Collections.Concurrent;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkSights.Application.Directory.ImportDirectory;
using WorkSights.Application.Directory.ImportWorkSettings;
using WorkSights.Application.Ingestion;
using WorkSights.Application.Ingestion.RecordThrottling;
using WorkSights.Application.Ingestion.RunActivitySync;
using WorkSights.Application.Ingestion.SyncFeed;
using WorkSights.Application.Ingestion.SyncMailbox;
using WorkSights.Domain.Ingestion;

namespace WorkSights.Infrastructure.Jobs;

/// <summary>
/// One sync run of one workspace: the directory first, then every person's mailbox features, a few mailboxes at a time,
/// beside the workspace-wide feeds; each step in its own scope (and so its own database context and tenant scope).
/// </summary>
public sealed partial class ActivitySyncRunner(
    IServiceScopeFactory scopes,
    IOptions<ActivitySyncOptions> options,
    TimeProvider clock,
    ILogger<ActivitySyncRunner> logger,
    ScoreRecomputeSignal? scoresSignal = null)
{
    private const int ProgressEvery = 5;

    public async Task RunAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var directory = await SendAsync(new ImportDirectoryCommand(tenantId), cancellationToken);
        if (directory is { Outcome: DirectoryImportOutcome.Throttled, NotBefore: { } notBefore })
        {
            await SendAsync(new RecordThrottlingCommand(tenantId, notBefore), cancellationToken);
        }

        if (directory.Outcome == DirectoryImportOutcome.Completed)
        {
            // The people just imported get their time zone and working hours; a refusal or pause there never stops the run.
            await SendAsync(new ImportWorkSettingsCommand(tenantId), cancellationToken);
        }

        var plan = await SendAsync(new StartActivitySyncCommand(tenantId), cancellationToken);
        if (plan is null)
        {
            return;
        }

        var problems = new ConcurrentQueue<string>();
        var parkedUntil = new ConcurrentBag<DateTimeOffset>();
        void Note(SyncResult result)
        {
            if (result.Outcome is SyncOutcome.ProviderUnavailable or SyncOutcome.ConsentRevoked && result.Problem is { } problem)
            {
                problems.Enqueue(problem);
            }

            if (result is { Outcome: SyncOutcome.Parked, NotBefore: { } notBefore })
            {
                parkedUntil.Add(notBefore);
            }
        }

        // Workspace-wide feeds are read beside the mailboxes: a long backfill does not hold back sign-ins or files.
        var feeds = Task.Run(
            async () =>
            {
                foreach (var feed in Enum.GetValues<TenantFeed>())
                {
                    Note(await SendAsync(new SyncFeedCommand(tenantId, feed), cancellationToken));
                }
            },
            cancellationToken);

        var done = 0;
        await Parallel.ForEachAsync(
            plan.PersonIds,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.MailboxesInParallel), CancellationToken = cancellationToken },
            async (personId, token) =>
            {
                foreach (var feature in plan.Features)
                {
                    var result = await SendAsync(new SyncMailboxCommand(tenantId, personId, feature, plan.WorkspaceDomains), token);
                    Note(result);

                    // Outlook's limits are per mailbox: once one feature is told to wait, the next would only be refused too.
                    if (result.Outcome == SyncOutcome.Parked)
                    {
                        break;
                    }
                }

                // Progress is written every few people, not after each: every write waits for SQLite's one write lock.
                if (Interlocked.Increment(ref done) % ProgressEvery == 0)
                {
                    await SendAsync(new RecordSyncProgressCommand(tenantId, Volatile.Read(ref done)), token);
                }
            });
        await feeds;
        scoresSignal?.Wake(tenantId);

        var summary = problems.IsEmpty ? null : $"{problems.Count} reads failed; the first: {problems.First()}";
        // A mailbox parked by throttling is read again as soon as its pause ends, not a whole interval later.
        var next = clock.GetUtcNow() + options.Value.Interval;
        if (!parkedUntil.IsEmpty && parkedUntil.Min() < next)
        {
            next = parkedUntil.Min();
        }

        await SendAsync(new CompleteActivitySyncCommand(tenantId, next, summary), cancellationToken);
        LogRunCompleted(tenantId, plan.PersonIds.Count, problems.Count);
    }

    private async Task<TResponse> SendAsync<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Activity sync of workspace {TenantId}: {People} people, {Problems} problems")]
    private partial void LogRunCompleted(Guid tenantId, int people, int problems);
}
