using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkSights.Application.Accounts.EraseDeletedWorkspace;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Tenants;
using WorkSights.Infrastructure.Persistence;

namespace WorkSights.Infrastructure.Jobs;

/// <summary>
/// Erases the rows of deleted workspaces: at start (a deletion the last run did not finish), whenever a workspace is
/// deleted, and every <see cref="WorkspaceErasureOptions.PollInterval"/>; each workspace in its own scope.
/// </summary>
public sealed partial class WorkspaceErasureWorker(
    IServiceScopeFactory scopes,
    WorkspaceErasureSignal signal,
    IOptions<WorkspaceErasureOptions> options,
    ILogger<WorkspaceErasureWorker> logger) : BackgroundService
{
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
                LogFailed(ex);
            }

            using var poll = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            poll.CancelAfter(options.Value.PollInterval);
            try
            {
                await signal.WakeUps.WaitToReadAsync(poll.Token);
                signal.WakeUps.TryRead(out _);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // The poll interval passed without a deletion.
            }
        }
    }

    /// <summary>Erases every deleted workspace there is; answers the rows erased.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        List<Guid> deleted;
        await using (var scope = scopes.CreateAsyncScope())
        {
            deleted = await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().Tenants
                .IgnoreQueryFilters([ApplicationDbContext.OpenWorkspaceFilter])
                .Where(t => t.Status == TenantStatus.Deleted)
                .Select(t => t.Id)
                .ToListAsync(cancellationToken);
        }

        var erased = 0;
        foreach (var tenantId in deleted)
        {
            await using var scope = scopes.CreateAsyncScope();
            using var workspace = scope.ServiceProvider.GetRequiredService<ITenantContext>().BeginScope(tenantId);
            var rows = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new EraseDeletedWorkspaceCommand(options.Value.BatchSize), cancellationToken);
            LogErased(tenantId, rows);
            erased += rows;
        }

        return erased;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted workspace {TenantId} erased: {Rows} rows")]
    private partial void LogErased(Guid tenantId, int rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Erasing a deleted workspace failed; the next round tries again")]
    private partial void LogFailed(Exception exception);
}
