using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkSights.Application.Directory.ImportDirectory;
using WorkSights.Domain.Tenants;
using WorkSights.Infrastructure.Persistence;

namespace WorkSights.Infrastructure.Jobs;

/// <summary>Keeps every active workspace's people in step with its directory. Workspaces without consent are left alone.</summary>
internal sealed partial class DirectorySyncWorker(
    IServiceScopeFactory scopes,
    IOptions<DirectorySyncOptions> options,
    TimeProvider clock,
    ILogger<DirectorySyncWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var tenantId in await ActiveTenantsAsync(stoppingToken))
            {
                await SyncAsync(tenantId, stoppingToken);
            }
        }
    }

    private async Task<List<Guid>> ActiveTenantsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        return await db.Tenants.Where(t => t.Status == TenantStatus.Active).Select(t => t.Id).ToListAsync(cancellationToken);
    }

    private async Task SyncAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ImportDirectoryCommand(tenantId), cancellationToken);
            LogSynced(tenantId, result.Outcome);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex, tenantId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Directory sync of workspace {TenantId}: {Outcome}")]
    private partial void LogSynced(Guid tenantId, DirectoryImportOutcome outcome);

    [LoggerMessage(Level = LogLevel.Error, Message = "Directory sync of workspace {TenantId} failed")]
    private partial void LogFailed(Exception exception, Guid tenantId);
}
