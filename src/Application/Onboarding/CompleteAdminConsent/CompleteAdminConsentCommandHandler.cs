using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Onboarding.ProvisionWorkspace;
using WorkSights.Domain.Onboarding;

namespace WorkSights.Application.Onboarding.CompleteAdminConsent;

public sealed class CompleteAdminConsentCommandHandler(IApplicationDbContext db, IMediator mediator, TimeProvider clock)
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
        tenant.GrantConsent(now);
        await db.SaveChangesAsync(cancellationToken);

        var provisioning = await mediator.Send(new ProvisionWorkspaceCommand(tenant.Id, request.RequestedByObjectId), cancellationToken);
        return provisioning.Succeeded
            ? new AdminConsentOutcome(AdminConsentResult.Granted, provisioning.Message, tenant.Id, provisioning.OwnerPersonId, Domain.People.PersonRole.Owner)
            : new AdminConsentOutcome(AdminConsentResult.ProviderError, provisioning.Message, tenant.Id);
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
