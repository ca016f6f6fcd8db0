using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Accounts;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Directory.ImportDirectory;
using WorkSights.Application.Onboarding.EstablishFirstOwner;
using WorkSights.Domain.Audit;
using WorkSights.Domain.Ingestion;
using WorkSights.Domain.People;

namespace WorkSights.Application.Onboarding.ProvisionWorkspace;

public sealed class ProvisionWorkspaceCommandHandler(
    IApplicationDbContext db,
    ITenantContext tenantContext,
    IMediator mediator,
    IActivitySyncSignal activitySync,
    ICurrentUser currentUser,
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
        var now = clock.GetUtcNow();
        await StartActivityImportAsync(tenant, now, cancellationToken);
        await RecordAsync(tenant, command.RequestedByObjectId, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        activitySync.Wake(tenant.Id);

        var owner = await mediator.Send(new EstablishFirstOwnerCommand(tenant.Id, command.RequestedByObjectId), cancellationToken);
        var imported = await db.People.CountAsync(p => p.Status != PersonStatus.Removed, cancellationToken);
        return owner.Outcome == FirstOwnerOutcome.Established
            ? new ProvisioningResult(true, $"Your workspace is ready: {imported} people imported.", owner.OwnerPersonId, imported)
            : new ProvisioningResult(true, $"WorkSights is connected and {imported} people were imported; an administrator of your organisation must sign in to finish the set-up.", null, imported);
    }

    private async Task RecordAsync(Domain.Tenants.Tenant tenant, string requestedByObjectId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var objectId = requestedByObjectId.ToLowerInvariant();
        var by = await db.People.Where(p => p.ExternalId == objectId).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
        var imported = await db.People.CountAsync(p => p.Status != PersonStatus.Removed, cancellationToken);
        db.AuditEntries.Add(AuditEntry.Record(
            tenant.Id,
            new AuditActor(by, currentUser.Address),
            now,
            AccountAuditActions.WorkspaceProvisioned,
            tenant.PrimaryDomain,
            null,
            $"{imported} people imported from the directory; the activity import started"));
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
