using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Onboarding.Consent;
using WorkSights.Application.Onboarding.EstablishFirstOwner;
using WorkSights.Application.Onboarding.ProvisionWorkspace;
using WorkSights.Domain.Common;
using WorkSights.Domain.Onboarding;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Onboarding.CompleteSignIn;

public sealed class CompleteSignInCommandHandler(
    IApplicationDbContext db,
    ITenantContext tenantContext,
    IConsentVerifier consent,
    IMediator mediator,
    ICurrentUser currentUser,
    TimeProvider clock)
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
            return await SignInToWorkspaceAsync(command, tenant, cancellationToken);
        }

        if (tenant is not null && await ConsentGrantedMeanwhileAsync(tenant, cancellationToken))
        {
            return await ActivateAsync(command, tenant, cancellationToken);
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

    /// <summary>
    /// A workspace without an active Owner takes the first proven administrator who signs in as its Owner; while its
    /// consent is revoked nobody can be proven, so an administrator is sent to grant consent again first.
    /// </summary>
    private async Task<SignInOutcome> SignInToWorkspaceAsync(CompleteSignInCommand command, Tenant tenant, CancellationToken cancellationToken)
    {
        using var scope = tenantContext.BeginScope(tenant.Id);
        var objectId = command.ObjectId.ToLowerInvariant();
        var person = await db.People.SingleOrDefaultAsync(p => p.ExternalId == objectId, cancellationToken);
        if (person is { HasLoginAccess: true })
        {
            return new SignInOutcome(SignInResult.WorkspaceReady, tenant.PrimaryDomain, tenant.Id, person.Id, person.Role);
        }

        if (person is not { IsActiveAndUnblocked: true } || await db.People.AnyAsync(Person.IsActiveOwner, cancellationToken))
        {
            return new SignInOutcome(SignInResult.NoLoginAccess, tenant.PrimaryDomain, tenant.Id);
        }

        if (command.Intent == SignInIntent.SignUp)
        {
            await RecordPendingSignUpAsync(command, tenant.ExternalTenantId, clock.GetUtcNow(), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        if (tenant.Status == TenantStatus.ConsentRevoked)
        {
            return new SignInOutcome(SignInResult.AwaitingConsent, tenant.PrimaryDomain, tenant.Id);
        }

        try
        {
            var owner = await mediator.Send(new EstablishFirstOwnerCommand(tenant.Id, objectId), cancellationToken);
            if (owner.Outcome == FirstOwnerOutcome.Established)
            {
                return new SignInOutcome(SignInResult.WorkspaceReady, tenant.PrimaryDomain, tenant.Id, owner.OwnerPersonId, PersonRole.Owner);
            }
        }
        catch (Exception ex) when (ex is ProviderUnavailableException or ProviderThrottledException or ConsentRevokedException)
        {
            // Not proven now; the person sees who must finish and may try again.
        }

        return new SignInOutcome(SignInResult.AwaitingAdministrator, tenant.PrimaryDomain, tenant.Id);
    }

    /// <summary>
    /// An administrator may have approved WorkSights outside it (Entra's admin consent workflow sends no callback): a
    /// sign-up still waiting for consent asks Microsoft whether it is in effect now.
    /// </summary>
    private async Task<bool> ConsentGrantedMeanwhileAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        try
        {
            return (await consent.ProveAsync(tenant.ExternalTenantId, cancellationToken)).Status == ConsentProofStatus.Granted;
        }
        catch (ProviderUnavailableException)
        {
            return false;
        }
    }

    private async Task<SignInOutcome> ActivateAsync(CompleteSignInCommand command, Tenant tenant, CancellationToken cancellationToken)
    {
        if (command.Intent == SignInIntent.SignUp)
        {
            await RecordPendingSignUpAsync(command, tenant.ExternalTenantId, clock.GetUtcNow(), cancellationToken);
        }

        using (tenantContext.BeginScope(tenant.Id))
        {
            var now = clock.GetUtcNow();
            await OnboardingAudit.ConsentGrantedAsync(db, currentUser, tenant, tenant.Status, command.ObjectId, now, cancellationToken);
            tenant.GrantConsent(now);
            await db.SaveChangesAsync(cancellationToken);
        }
        var provisioning = await mediator.Send(new ProvisionWorkspaceCommand(tenant.Id, command.ObjectId), cancellationToken);
        return provisioning.OwnerPersonId is { } owner
            ? new SignInOutcome(SignInResult.WorkspaceReady, tenant.PrimaryDomain, tenant.Id, owner, PersonRole.Owner)
            : new SignInOutcome(SignInResult.AwaitingAdministrator, tenant.PrimaryDomain, tenant.Id);
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
