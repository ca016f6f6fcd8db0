using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Directory.ImportDirectory;
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
        var pendingSignUps = await db.PendingSignUps
            .Where(p => p.ExternalTenantId == tenant.ExternalTenantId && p.CompletedAt == null)
            .ToListAsync(cancellationToken);
        var invitedIds = pendingSignUps.Select(p => p.ObjectId).Append(command.OwnerObjectId.ToLowerInvariant()).ToList();
        var people = await db.People.Where(p => invitedIds.Contains(p.ExternalId)).ToDictionaryAsync(p => p.ExternalId, cancellationToken);

        var owner = people.GetValueOrDefault(command.OwnerObjectId.ToLowerInvariant());
        if (owner is null || owner.ProvisioningState == ProvisioningState.Blocked)
        {
            return new ProvisioningResult(false, "The administrator who granted consent is not an active member of the directory.", null, 0);
        }

        owner.MakeOwner();
        var now = clock.GetUtcNow();
        foreach (var pending in pendingSignUps)
        {
            if (people.TryGetValue(pending.ObjectId, out var person) && person.ProvisioningState != ProvisioningState.Blocked && person.Status == PersonStatus.Active)
            {
                person.GrantLoginAccess();
            }

            pending.Complete(now);
        }

        await StartActivityImportAsync(tenant, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        activitySync.Wake(tenant.Id);
        var imported = await db.People.CountAsync(p => p.Status != PersonStatus.Removed, cancellationToken);
        return new ProvisioningResult(true, $"Your workspace is ready: {imported} people imported.", owner.Id, imported);
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
