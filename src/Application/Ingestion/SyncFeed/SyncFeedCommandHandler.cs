using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Ingestion.Arrivals;
using WorkSights.Application.Ingestion.Feeds;
using WorkSights.Domain.Ingestion;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Ingestion.SyncFeed;

public sealed class SyncFeedCommandHandler(
    IApplicationDbContext db,
    ITenantContext tenantContext,
    IEnumerable<IFeedImport> imports,
    TimeProvider clock,
    ActivityArrivals? arrivals = null)
    : ICommandHandler<SyncFeedCommand, SyncResult>
{
    public async ValueTask<SyncResult> Handle(SyncFeedCommand command, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Id == command.TenantId, cancellationToken)
            ?? throw new NotFoundException("Workspace");
        var import = imports.FirstOrDefault(i => i.Feeds.Contains(command.Feed));
        if (tenant.Status != TenantStatus.Active || import is null)
        {
            return SyncResult.Skip();
        }

        using var scope = tenantContext.BeginScope(tenant.Id);
        var service = await db.ConnectedServices.SingleOrDefaultAsync(cancellationToken);
        if (service is null || service.IsDisconnected || !service.IsEnabled(TenantFeeds.FeatureOf(command.Feed)))
        {
            return SyncResult.Skip();
        }

        var now = clock.GetUtcNow();
        var checkpoint = await CheckpointAsync(tenant.Id, command.Feed, cancellationToken);
        if (checkpoint.IsParkedAt(now))
        {
            return new SyncResult(SyncOutcome.Parked, 0, 0, checkpoint.NotBefore);
        }

        var people = await WorkspacePeople.LoadAsync(db, tenant, cancellationToken);
        var context = new FeedImportContext(tenant, command.Feed, checkpoint, people, new FeedPageWriter(db, clock, arrivals), now);
        try
        {
            await import.ImportAsync(context, cancellationToken);
            checkpoint.Completed(clock.GetUtcNow());
            if (TenantFeeds.IsAuditFeed(command.Feed))
            {
                service.AuditLogAvailable();
            }

            await db.SaveChangesAsync(cancellationToken);
            return new SyncResult(SyncOutcome.Completed, context.Stored, 0);
        }
        catch (AuditLogNotEnabledException ex)
        {
            checkpoint.Unsubscribed();
            service.AuditLogUnavailable(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return new SyncResult(SyncOutcome.AuditLogNotEnabled, context.Stored, 0, Problem: ex.Message);
        }
        catch (Exception ex) when (ProviderFailures.Answers(ex))
        {
            var failures = new ProviderFailures(db, clock, tenant, "the activity feed sync");
            var failure = await failures.ApplyAsync(ex, service, ParkAsync, cancellationToken);
            return SyncResult.After(failure, context.Stored);
        }

        Task ParkAsync(DateTimeOffset until)
        {
            checkpoint.Park(until);
            return Task.CompletedTask;
        }
    }

    private async Task<FeedCheckpoint> CheckpointAsync(Guid tenantId, TenantFeed feed, CancellationToken cancellationToken)
    {
        var checkpoint = await db.FeedCheckpoints.SingleOrDefaultAsync(c => c.Feed == feed, cancellationToken);
        if (checkpoint is null)
        {
            checkpoint = FeedCheckpoint.Start(tenantId, feed);
            db.FeedCheckpoints.Add(checkpoint);
        }

        return checkpoint;
    }
}
