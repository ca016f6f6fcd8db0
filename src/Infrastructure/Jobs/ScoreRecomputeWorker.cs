using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Scores;
using WorkSights.Domain.Tenants;
using WorkSights.Infrastructure.Persistence;
using WorkSights.Infrastructure.Scores;

namespace WorkSights.Infrastructure.Jobs;

/// <summary>
/// Keeps the score read models current: drains each workspace's dirty days within seconds (woken by the sync, or by its
/// poll while a backfill is still storing pages), and hourly — and soon after a drain — gives every person a row for
/// each closed day that has none and recomputes days computed under an older model version.
/// </summary>
internal sealed partial class ScoreRecomputeWorker(
    IServiceScopeFactory scopes,
    ScoreRecomputeSignal signal,
    IOptions<ScoreRecomputeOptions> options,
    TimeProvider clock,
    ILogger<ScoreRecomputeWorker> logger) : BackgroundService
{
    private readonly Dictionary<Guid, DateTimeOffset> closedAt = [];
    private DateTimeOffset everyoneClosedAt = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRoundFailed(ex);
            }

            using var poll = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            poll.CancelAfter(options.Value.PollInterval);
            try
            {
                await signal.WakeUps.WaitToReadAsync(poll.Token);
                while (signal.WakeUps.TryRead(out _))
                {
                    // Drained: the marks in the database say what to do.
                }
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // The poll interval passed without a wake-up.
            }
        }
    }

    /// <summary>One pass over the workspaces with dirty days (and over all active ones when the hourly close is due).</summary>
    internal async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var closeEveryone = now - everyoneClosedAt >= options.Value.CloseInterval;
        foreach (var tenantId in await TenantsWithWorkAsync(closeEveryone, cancellationToken))
        {
            await RunForAsync(tenantId, closeEveryone, cancellationToken);
        }

        if (closeEveryone)
        {
            everyoneClosedAt = now;
        }
    }

    private async Task RunForAsync(Guid tenantId, bool close, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        using var workspace = scope.ServiceProvider.GetRequiredService<ITenantContext>().BeginScope(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var recomputer = scope.ServiceProvider.GetRequiredService<PersonDayRecomputer>();
        var drained = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var marks = await db.DirtyPersonDays.AsNoTracking()
                .OrderBy(d => d.PersonId).ThenBy(d => d.Date)
                .Select(d => new PersonDate(d.PersonId, d.Date))
                .Take(options.Value.MarksPerRound)
                .ToListAsync(cancellationToken);
            if (marks.Count == 0)
            {
                break;
            }

            await recomputer.RecomputeAsync(marks, cancellationToken);
            drained += marks.Count;
            if (marks.Count < options.Value.MarksPerRound)
            {
                break;
            }
        }

        var now = clock.GetUtcNow();
        if (close || (drained > 0 && now - closedAt.GetValueOrDefault(tenantId, DateTimeOffset.MinValue) >= options.Value.CloseAfterDrainInterval))
        {
            var outdated = await recomputer.RecomputeOutdatedAsync(cancellationToken);
            var closed = await recomputer.CloseDaysAsync(cancellationToken);
            closedAt[tenantId] = now;
            LogClosed(tenantId, closed, outdated);
        }

        if (drained > 0)
        {
            LogDrained(tenantId, drained);
        }
    }

    private async Task<List<Guid>> TenantsWithWorkAsync(bool everyone, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        // Like the sync's scheduler, this reads across workspaces only which ones have work.
        var dirty = await db.DirtyPersonDays.IgnoreQueryFilters([ApplicationDbContext.TenantFilter])
            .Where(d => db.Tenants.Any(t => t.Id == d.TenantId))
            .Select(d => d.TenantId)
            .Distinct()
            .ToListAsync(cancellationToken);
        var active = everyone
            ? await db.Tenants.Where(t => t.Status == TenantStatus.Active).Select(t => t.Id).ToListAsync(cancellationToken)
            : [];
        return [.. dirty.Union(active).Order()];
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Score recompute round failed")]
    private partial void LogRoundFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scores of workspace {TenantId}: {Days} dirty days recomputed")]
    private partial void LogDrained(Guid tenantId, int days);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scores of workspace {TenantId}: {Closed} closed days added, {Outdated} days of an older model recomputed")]
    private partial void LogClosed(Guid tenantId, int closed, int outdated);
}
