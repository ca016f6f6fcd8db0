using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkSights.Application.Accounts.PurgeExpiredData;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Infrastructure.Persistence;

namespace WorkSights.Infrastructure.Jobs;

/// <summary>
/// Once at start and then every <see cref="DataRetentionOptions.Interval"/> (daily), purges in each workspace with a
/// retention period the activities and day results older than it; each workspace in its own scope.
/// </summary>
internal sealed partial class DataRetentionWorker(
    IServiceScopeFactory scopes,
    IOptions<DataRetentionOptions> options,
    TimeProvider clock,
    ILogger<DataRetentionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass over the workspaces that keep activities for a limited time; answers the rows removed.</summary>
    internal async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        List<Guid> workspaces;
        await using (var scope = scopes.CreateAsyncScope())
        {
            workspaces = await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().Tenants.AsNoTracking()
                .Where(t => t.RetentionDays != null)
                .Select(t => t.Id)
                .ToListAsync(cancellationToken);
        }

        var removed = 0;
        foreach (var tenantId in workspaces)
        {
            await using var scope = scopes.CreateAsyncScope();
            using var workspace = scope.ServiceProvider.GetRequiredService<ITenantContext>().BeginScope(tenantId);
            var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new PurgeExpiredDataCommand(options.Value.BatchSize), cancellationToken);
            if (result.Total > 0)
            {
                LogPurged(tenantId, result.Activities, result.DayResults);
            }

            removed += result.Total;
        }

        return removed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention of workspace {TenantId}: {Activities} activities and {DayResults} day results purged")]
    private partial void LogPurged(Guid tenantId, int activities, int dayResults);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The retention purge failed; the next pass tries again")]
    private partial void LogFailed(Exception exception);
}
