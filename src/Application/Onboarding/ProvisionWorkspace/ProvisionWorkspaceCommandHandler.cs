using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Directory.ImportDirectory;
using WorkSights.Application.Onboarding.EstablishFirstOwner;
using WorkSights.Domain.Ingestion;
using WorkSights.Domain.People;

namespace WorkSights.Application.Onboarding.ProvisionWorkspace;

public sealed class ProvisionWorkspaceCommandHandler(
    IApplicationDbContext db,
    ITenantContext tenantContext,
    IMediator mediator,
    IActivitySyncSignal activitySync,
    TimeProvider clock)
    : ICommandHandler<ProvisionWorkspaceCommand, ProvisioningResult>
{
    public async ValueTask<ProvisioningResult> Handle(ProvisionWorkspaceCommand command, CancellationToken cancellationToken)
    {
        var import = await mediator.Send(new ImportDirectoryCommand(command.TenantId), cancellationToken);
        if (import.Outcome != DirectoryImportOutcome.Completed)
        {
            return new ProvisioningResult(false, import.Outcome switch
            {
                DirectoryImportOutcome.ConsentRevoked => "Microsoft refused access to the directory: the consent is not in effect.",
                _ => "The directory could not be read right now. WorkSights will retry; you can also retry from Settings → Services.",
            }, null, 0);
        }

        var tenant = await db.Tenants.SingleAsync(t => t.Id == command.TenantId, cancellationToken);
        using var scope = tenantContext.BeginScope(tenant.Id);
        await StartActivityImportAsync(tenant, clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        activitySync.Wake(tenant.Id);

        var owner = await mediator.Send(new EstablishFirstOwnerCommand(tenant.Id, command.RequestedByObjectId), cancellationToken);
        var imported = await db.People.CountAsync(p => p.Status != PersonStatus.Removed, cancellationToken);
        return owner.Outcome == FirstOwnerOutcome.Established
            ? new ProvisioningResult(true, $"Your workspace is ready: {imported} people imported.", owner.OwnerPersonId, imported)
            : new ProvisioningResult(true, $"WorkSights is connected and {imported} people were imported; an administrator of your organisation must sign in to finish the set-up.", null, imported);
    }

    /// <summary>The backfill of activity starts right after consent, not at the next scheduled sync.</summary>
    private async Task StartActivityImportAsync(Domain.Tenants.Tenant tenant, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var service = await db.ConnectedServices.SingleOrDefaultAsync(cancellationToken);
        if (service is null)
        {
            service = ConnectedService.For(tenant.Id, tenant.Provider);
            db.ConnectedServices.Add(service);
        }

        service.ScheduleNextSync(now);
    }
}
