using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Common;
using WorkSights.Domain.Onboarding;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Onboarding.CompleteSignIn;

public sealed class CompleteSignInCommandHandler(IApplicationDbContext db, ITenantContext tenantContext, TimeProvider clock)
    : ICommandHandler<CompleteSignInCommand, SignInOutcome>
{
    public async ValueTask<SignInOutcome> Handle(CompleteSignInCommand command, CancellationToken cancellationToken)
    {
        var externalTenantId = command.ExternalTenantId.ToLowerInvariant();
        var domain = EmailAddresses.DomainOf(command.Email);
        var tenant = await db.Tenants.SingleOrDefaultAsync(
            t => t.Provider == IdentityProvider.Microsoft365 && t.ExternalTenantId == externalTenantId, cancellationToken);

        if (tenant is { Status: not TenantStatus.PendingConsent })
        {
            using var scope = tenantContext.BeginScope(tenant.Id);
            var objectId = command.ObjectId.ToLowerInvariant();
            var person = await db.People.SingleOrDefaultAsync(p => p.ExternalId == objectId, cancellationToken);
            return person is { HasLoginAccess: true }
                ? new SignInOutcome(SignInResult.WorkspaceReady, tenant.PrimaryDomain, tenant.Id, person.Id, person.Role)
                : new SignInOutcome(SignInResult.NoLoginAccess, tenant.PrimaryDomain, tenant.Id);
        }

        if (command.Intent == SignInIntent.Login)
        {
            return new SignInOutcome(SignInResult.NoWorkspace, domain);
        }

        var now = clock.GetUtcNow();
        if (tenant is null)
        {
            tenant = Tenant.StartSignUp(IdentityProvider.Microsoft365, externalTenantId, domain, now);
            db.Tenants.Add(tenant);
        }

        await RecordPendingSignUpAsync(command, externalTenantId, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new SignInOutcome(SignInResult.AwaitingConsent, tenant.PrimaryDomain, tenant.Id);
    }

    private async Task RecordPendingSignUpAsync(CompleteSignInCommand command, string externalTenantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var objectId = command.ObjectId.ToLowerInvariant();
        var pending = await db.PendingSignUps.SingleOrDefaultAsync(
            p => p.ExternalTenantId == externalTenantId && p.ObjectId == objectId, cancellationToken);
        if (pending is null)
        {
            db.PendingSignUps.Add(PendingSignUp.Start(externalTenantId, objectId, command.Email, command.DisplayName, now));
        }
        else
        {
            pending.SignedInAgain(now);
        }
    }
}
