using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Onboarding;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Onboarding.RequestAdminConsent;

public sealed class RequestAdminConsentCommandHandler(
    IApplicationDbContext db,
    ITenantContext tenantContext,
    ITenantAdministrators administrators,
    IAdminConsentLinks links,
    TimeProvider clock)
    : ICommandHandler<RequestAdminConsentCommand, Uri>
{
    public async ValueTask<Uri> Handle(RequestAdminConsentCommand command, CancellationToken cancellationToken)
    {
        var externalTenantId = command.ExternalTenantId.ToLowerInvariant();
        var objectId = command.ObjectId.ToLowerInvariant();
        var tenant = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.ExternalTenantId == externalTenantId, cancellationToken)
            ?? throw new NotFoundException("Sign-up");
        if (tenant.Status == TenantStatus.Active && !await MayChangeConnectionAsync(tenant, objectId, cancellationToken))
        {
            throw new ForbiddenAccessException("Only the workspace's Owner or a Microsoft 365 administrator can change its connection.");
        }

        var state = ConsentState.NewValue();
        db.ConsentRequests.Add(ConsentRequest.Start(ConsentState.Hash(state), externalTenantId, objectId, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return links.Build(externalTenantId, state);
    }

    /// <summary>
    /// A connected workspace's Owner, or an administrator its directory proves. While consent is revoked the directory
    /// cannot be asked, so anyone may start the trip and the callback decides, with consent back in effect.
    /// </summary>
    private async Task<bool> MayChangeConnectionAsync(Tenant tenant, string objectId, CancellationToken cancellationToken)
    {
        using var scope = tenantContext.BeginScope(tenant.Id);
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.ExternalId == objectId, cancellationToken);
        if (person is { IsOwnerWithAccess: true })
        {
            return true;
        }

        try
        {
            return await administrators.CanGrantTenantWideConsentAsync(tenant.ExternalTenantId, objectId, cancellationToken);
        }
        catch (Exception ex) when (ex is ProviderUnavailableException or ProviderThrottledException or ConsentRevokedException)
        {
            return true;
        }
    }
}
