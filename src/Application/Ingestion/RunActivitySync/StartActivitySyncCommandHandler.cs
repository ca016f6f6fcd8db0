using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Ingestion;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Ingestion.RunActivitySync;

public sealed class StartActivitySyncCommandHandler(IApplicationDbContext db, ITenantContext tenantContext, TimeProvider clock)
    : ICommandHandler<StartActivitySyncCommand, ActivitySyncPlan?>
{
    public async ValueTask<ActivitySyncPlan?> Handle(StartActivitySyncCommand command, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == command.TenantId, cancellationToken);
        if (tenant is not { Status: TenantStatus.Active })
        {
            return null;
        }

        using var scope = tenantContext.BeginScope(tenant.Id);
        var service = await db.ConnectedServices.SingleOrDefaultAsync(cancellationToken);
        if (service is null || service.IsDisconnected)
        {
            return null;
        }

        var people = await db.People
            .Where(Person.IsImportable)
            .OrderBy(p => p.Id)
            .Select(p => p.Id)
            .ToListAsync(cancellationToken);
        service.RunStarted(people.Count, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        var domains = await WorkspaceDomains.ReadAsync(db, tenant, cancellationToken);
        return new ActivitySyncPlan(tenant.Id, people, ImportedFeatures.FromMailboxes.Where(service.IsEnabled).ToList(), domains);
    }
}
