using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkSights.Domain.Tenants;
using WorkSights.Infrastructure.Persistence;

namespace WorkSights.Infrastructure.Jobs;

/// <summary>
/// Starts each workspace's sync when it is due (every 15 minutes by default) or when "Sync now" or a new consent
/// wakes it. One run per workspace at a time; workspaces run side by side.
/// </summary>
internal sealed partial class ActivitySyncWorker(
    IServiceScopeFactory scopes,
    ActivitySyncSignal signal,
    ActivitySyncRunner runner,
    IOptions<ActivitySyncOptions> options,
    TimeProvider clock,
    ILogger<ActivitySyncWorker> logger) : BackgroundService
{
    private readonly Dictionary<Guid, Task> running = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var tenantId in await DueTenantsAsync(stoppingToken))
            {
                Start(tenantId, stoppingToken);
            }

            using var poll = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            poll.CancelAfter(options.Value.PollInterval);
            try
            {
                await signal.WakeUps.WaitToReadAsync(poll.Token);
                while (signal.WakeUps.TryRead(out _))
                {
                    // Drained: the due query below decides what runs.
                }
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // The poll interval passed without a wake-up.
            }
        }

        await Task.WhenAll(running.Values);
    }

    private void Start(Guid tenantId, CancellationToken stoppingToken)
    {
        if (running.TryGetValue(tenantId, out var current) && !current.IsCompleted)
        {
            return;
        }

        running[tenantId] = Task.Run(
            async () =>
            {
                try
                {
                    await runner.RunAsync(tenantId, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogRunFailed(ex, tenantId);
                }
            },
            stoppingToken);
    }

    private async Task<List<Guid>> DueTenantsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var now = clock.GetUtcNow();
        // The scheduler is the one reader that spans workspaces: it reads nothing but which ones are due.
        return await db.ConnectedServices.IgnoreQueryFilters([ApplicationDbContext.TenantFilter])
            .Where(s => !s.IsDisconnected && s.NextSyncAt != null && s.NextSyncAt <= now)
            .Join(db.Tenants.Where(t => t.Status == TenantStatus.Active), s => s.TenantId, t => t.Id, (s, _) => s.TenantId)
            .ToListAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Activity sync of workspace {TenantId} failed")]
    private partial void LogRunFailed(Exception exception, Guid tenantId);
}
