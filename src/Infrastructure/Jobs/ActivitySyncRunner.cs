using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkSights.Application.Directory.ImportDirectory;
using WorkSights.Application.Ingestion.RecordThrottling;
using WorkSights.Application.Ingestion.RunActivitySync;
using WorkSights.Application.Ingestion.SyncMailbox;

namespace WorkSights.Infrastructure.Jobs;

/// <summary>
/// One sync run of one workspace: the directory first, then every person's mailbox features, a few mailboxes at a time,
/// each in its own scope (and so its own database context and tenant scope).
/// </summary>
public sealed partial class ActivitySyncRunner(
    IServiceScopeFactory scopes,
    IOptions<ActivitySyncOptions> options,
    TimeProvider clock,
    ILogger<ActivitySyncRunner> logger)
{
    private const int ProgressEvery = 5;

    public async Task RunAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var directory = await SendAsync(new ImportDirectoryCommand(tenantId), cancellationToken);
        if (directory is { Outcome: DirectoryImportOutcome.Throttled, NotBefore: { } notBefore })
        {
            await SendAsync(new RecordThrottlingCommand(tenantId, notBefore), cancellationToken);
        }

        var plan = await SendAsync(new StartActivitySyncCommand(tenantId), cancellationToken);
        if (plan is null)
        {
            return;
        }

        var problems = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var parkedUntil = new System.Collections.Concurrent.ConcurrentBag<DateTimeOffset>();
        var done = 0;
        await Parallel.ForEachAsync(
            plan.PersonIds,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.MailboxesInParallel), CancellationToken = cancellationToken },
            async (personId, token) =>
            {
                foreach (var feature in plan.Features)
                {
                    var result = await SendAsync(new SyncMailboxCommand(tenantId, personId, feature), token);
                    if (result.Outcome is MailboxSyncOutcome.ProviderUnavailable or MailboxSyncOutcome.ConsentRevoked && result.Problem is { } problem)
                    {
                        problems.Enqueue(problem);
                    }

                    if (result is { Outcome: MailboxSyncOutcome.Parked, NotBefore: { } notBefore })
                    {
                        parkedUntil.Add(notBefore);
                    }
                }

                // Progress is written every few people, not after each: every write waits for SQLite's one write lock.
                if (Interlocked.Increment(ref done) % ProgressEvery == 0)
                {
                    await SendAsync(new RecordSyncProgressCommand(tenantId, Volatile.Read(ref done)), token);
                }
            });

        var summary = problems.IsEmpty ? null : $"{problems.Count} mailbox reads failed; the first: {problems.First()}";
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
