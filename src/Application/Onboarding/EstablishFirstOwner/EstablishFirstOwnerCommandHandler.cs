using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Accounts;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Directory;
using WorkSights.Domain.Audit;
using WorkSights.Domain.People;

namespace WorkSights.Application.Onboarding.EstablishFirstOwner;

public sealed class EstablishFirstOwnerCommandHandler(
    IApplicationDbContext db,
    ITenantContext tenantContext,
    ITenantAdministrators administrators,
    ICurrentUser currentUser,
    TimeProvider clock)
    : ICommandHandler<EstablishFirstOwnerCommand, FirstOwnerResult>
{
    public async ValueTask<FirstOwnerResult> Handle(EstablishFirstOwnerCommand command, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.SingleAsync(t => t.Id == command.TenantId, cancellationToken);
        using var scope = tenantContext.BeginScope(tenant.Id);
        if (await db.People.AnyAsync(Person.IsActiveOwner, cancellationToken))
        {
            return new FirstOwnerResult(FirstOwnerOutcome.AlreadyOwned);
        }

        var objectId = command.ObjectId.ToLowerInvariant();
        var person = await db.People.SingleOrDefaultAsync(p => p.ExternalId == objectId, cancellationToken);
        if (person is not { IsActiveAndUnblocked: true }
            || !await administrators.CanGrantTenantWideConsentAsync(tenant.ExternalTenantId, objectId, cancellationToken))
        {
            return new FirstOwnerResult(FirstOwnerOutcome.NotAnAdministrator);
        }

        var roleBefore = PersonEditors.Words(person.Role);
        person.MakeOwner();
        db.AuditEntries.Add(AuditEntry.Record(
            tenant.Id,
            new AuditActor(person.Id, currentUser.Address),
            clock.GetUtcNow(),
            AccountAuditActions.FirstOwnerEstablished,
            person.DisplayName,
            roleBefore,
            $"{PersonEditors.Words(PersonRole.Owner)}: a Microsoft 365 administrator, the workspace had no Owner"));
        await LetPendingSignUpsInAsync(tenant.ExternalTenantId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new FirstOwnerResult(FirstOwnerOutcome.Established, person.Id);
    }

    /// <summary>People who signed in to start the sign-up get login access now that the workspace has an Owner.</summary>
    private async Task LetPendingSignUpsInAsync(string externalTenantId, CancellationToken cancellationToken)
    {
        var pendingSignUps = await db.PendingSignUps
            .Where(p => p.ExternalTenantId == externalTenantId && p.CompletedAt == null)
            .ToListAsync(cancellationToken);
        var ids = pendingSignUps.Select(p => p.ObjectId).ToList();
        var people = await db.People.Where(p => ids.Contains(p.ExternalId)).ToDictionaryAsync(p => p.ExternalId, cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var pending in pendingSignUps)
        {
            if (people.TryGetValue(pending.ObjectId, out var person) && person.IsActiveAndUnblocked)
            {
                person.GrantLoginAccess();
            }

            pending.Complete(now);
        }
    }
}
