using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Onboarding.Consent;
using WorkSights.Application.Onboarding.EstablishFirstOwner;
using WorkSights.Application.Onboarding.ProvisionWorkspace;
using WorkSights.Domain.Ingestion;
using WorkSights.Domain.Onboarding;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Onboarding.CompleteAdminConsent;

/// <summary>
/// The consent callback's parameters are typed by a browser: a valid one-time state only says that this person asked.
/// Whether consent is in effect is asked of the provider (<see cref="IConsentVerifier"/>) and whether the person may own
/// or reconnect the workspace of its directory (<see cref="ITenantAdministrators"/>); nothing changes before both answer.
/// </summary>
public sealed class CompleteAdminConsentCommandHandler(
    IApplicationDbContext db,
    ITenantContext tenantContext,
    IConsentVerifier consent,
    ITenantAdministrators administrators,
    IActivitySyncSignal activitySync,
    IMediator mediator,
    ICurrentUser currentUser,
    TimeProvider clock)
    : ICommandHandler<CompleteAdminConsentCommand, AdminConsentOutcome>
{
    public async ValueTask<AdminConsentOutcome> Handle(CompleteAdminConsentCommand command, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(command.State) || command.State.Length > 256)
        {
            return Rejected("The answer from Microsoft carried no valid request reference.");
        }

        var stateHash = ConsentState.Hash(command.State);
        var request = await db.ConsentRequests.SingleOrDefaultAsync(r => r.StateHash == stateHash, cancellationToken);
        if (request is null)
        {
            return Rejected("The answer from Microsoft does not match a consent request of yours.");
        }

        var now = clock.GetUtcNow();
        var answeringTenant = command.Error is null ? command.AnsweringTenant ?? string.Empty : null;
        var verdict = request.Redeem(command.ExternalTenantId, command.ObjectId, answeringTenant, now);
        await db.SaveChangesAsync(cancellationToken);
        if (verdict != ConsentCallbackVerdict.Valid)
        {
            return Rejected(verdict switch
            {
                ConsentCallbackVerdict.AlreadyUsed => "This consent answer was already used.",
                ConsentCallbackVerdict.Expired => "The consent request expired. Please start again.",
                ConsentCallbackVerdict.TenantMismatch => "Consent was given for a different organisation than the one you signed in with.",
                _ => "This consent answer belongs to someone else's sign-up.",
            });
        }

        if (command.Error is not null)
        {
            return await AnswerWithErrorAsync(command, now, cancellationToken);
        }

        if (!string.Equals(command.AdminConsent, "True", StringComparison.OrdinalIgnoreCase))
        {
            return new AdminConsentOutcome(AdminConsentResult.ProviderError, "Microsoft did not confirm the consent.");
        }

        var tenant = await db.Tenants.SingleAsync(t => t.ExternalTenantId == request.ExternalTenantId, cancellationToken);
        try
        {
            var proof = await consent.ProveAsync(tenant.ExternalTenantId, cancellationToken);
            if (proof.Status != ConsentProofStatus.Granted)
            {
                return NotGranted(proof);
            }

            return tenant.Status == TenantStatus.PendingConsent
                ? await ActivateNewWorkspaceAsync(tenant, request.RequestedByObjectId, now, cancellationToken)
                : await ReconnectAsync(tenant, request.RequestedByObjectId, now, cancellationToken);
        }
        catch (Exception ex) when (ex is ProviderUnavailableException or ProviderThrottledException or ConsentRevokedException)
        {
            return new AdminConsentOutcome(
                AdminConsentResult.ProviderError,
                "Microsoft could not confirm the consent right now, so nothing was changed. Please try again in a few minutes.");
        }
    }

    private async Task<AdminConsentOutcome> ActivateNewWorkspaceAsync(Tenant tenant, string requestedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using (tenantContext.BeginScope(tenant.Id))
        {
            await OnboardingAudit.ConsentGrantedAsync(db, currentUser, tenant, tenant.Status, requestedBy, now, cancellationToken);
            tenant.GrantConsent(now);
            await db.SaveChangesAsync(cancellationToken);
        }

        var provisioning = await mediator.Send(new ProvisionWorkspaceCommand(tenant.Id, requestedBy), cancellationToken);
        if (!provisioning.Succeeded)
        {
            return new AdminConsentOutcome(AdminConsentResult.ProviderError, provisioning.Message, tenant.Id);
        }

        return provisioning.OwnerPersonId is { } owner
            ? new AdminConsentOutcome(AdminConsentResult.Granted, provisioning.Message, tenant.Id, owner, PersonRole.Owner)
            : new AdminConsentOutcome(AdminConsentResult.AwaitingAdministrator, provisioning.Message, tenant.Id);
    }

    /// <summary>Restores the connection and nothing else; only the Owner or a proven administrator may.</summary>
    private async Task<AdminConsentOutcome> ReconnectAsync(Tenant tenant, string requestedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var scope = tenantContext.BeginScope(tenant.Id);
        var objectId = requestedBy.ToLowerInvariant();
        var person = await db.People.SingleOrDefaultAsync(p => p.ExternalId == objectId, cancellationToken);
        if (person is not { IsOwnerWithAccess: true }
            && !await administrators.CanGrantTenantWideConsentAsync(tenant.ExternalTenantId, objectId, cancellationToken))
        {
            return new AdminConsentOutcome(
                AdminConsentResult.NotAllowed,
                "Only the workspace's Owner or a Microsoft 365 administrator (Global Administrator or Privileged Role Administrator) can reconnect it, so nothing was changed.",
                tenant.Id);
        }

        if (tenant.Status == TenantStatus.ConsentRevoked)
        {
            await OnboardingAudit.ConsentGrantedAsync(db, currentUser, tenant, tenant.Status, objectId, now, cancellationToken);
            tenant.GrantConsent(now);
        }

        var service = await db.ConnectedServices.SingleOrDefaultAsync(cancellationToken);
        service?.ScheduleNextSync(now);
        await db.SaveChangesAsync(cancellationToken);
        activitySync.Wake(tenant.Id);

        await mediator.Send(new EstablishFirstOwnerCommand(tenant.Id, objectId), cancellationToken);
        person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.ExternalId == objectId, cancellationToken);
        return person is { HasLoginAccess: true }
            ? new AdminConsentOutcome(AdminConsentResult.Reconnected, "Microsoft 365 is connected again.", tenant.Id, person.Id, person.Role)
            : new AdminConsentOutcome(AdminConsentResult.Reconnected, "Microsoft 365 is connected again. You have no access to this workspace yet: ask its Owner.", tenant.Id);
    }

    private async Task<AdminConsentOutcome> AnswerWithErrorAsync(CompleteAdminConsentCommand command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        switch (command.Error)
        {
            case "access_denied":
                var objectId = command.ObjectId.ToLowerInvariant();
                var tenantId = command.ExternalTenantId.ToLowerInvariant();
                var pending = await db.PendingSignUps.SingleOrDefaultAsync(p => p.ExternalTenantId == tenantId && p.ObjectId == objectId, cancellationToken);
                pending?.MarkNeedsAdministrator(now);
                await db.SaveChangesAsync(cancellationToken);
                return new AdminConsentOutcome(AdminConsentResult.NotAnAdmin, "An administrator of your organisation must approve WorkSights.");
            case "consent_required" or "permission_denied":
                return new AdminConsentOutcome(AdminConsentResult.Declined, "The permissions were not accepted, so WorkSights was not connected.");
            default:
                return new AdminConsentOutcome(AdminConsentResult.ProviderError, DescribeProviderError(command.Error!, command.ErrorDescription));
        }
    }

    private static AdminConsentOutcome NotGranted(ConsentProof proof) => new(
        AdminConsentResult.NotGranted,
        proof.Status == ConsentProofStatus.Partial
            ? $"Microsoft shows only some of WorkSights' permissions as granted, so nothing was activated. Still missing: {proof.DescribeMissing()}. " +
              "A Global Administrator or Privileged Role Administrator must accept all of them."
            : "Microsoft does not show WorkSights' permissions as granted for your organisation, so nothing was changed. " +
              "A Global Administrator or Privileged Role Administrator must accept them.");

    private static string DescribeProviderError(string error, string? description)
    {
        var code = description?.Split(':', 2)[0];
        var suffix = code is not null && code.StartsWith("AADSTS", StringComparison.Ordinal) && code.Length <= 16 ? $" ({code})" : string.Empty;
        return error switch
        {
            "invalid_request" => $"Microsoft rejected the consent request{suffix}.",
            "unauthorized_client" => $"WorkSights is not registered correctly with Microsoft{suffix}.",
            "server_error" or "temporarily_unavailable" => $"Microsoft could not complete the request right now; please try again{suffix}.",
            _ => $"Microsoft reported an error{suffix}.",
        };
    }

    private static AdminConsentOutcome Rejected(string message) => new(AdminConsentResult.Rejected, message);
}
