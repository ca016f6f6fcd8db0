using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Onboarding.Consent;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Onboarding.RecheckConsent;

public sealed class RecheckConsentCommandHandler(
    IApplicationDbContext db,
    ITenantContext tenantContext,
    IConsentVerifier consent,
    IActivitySyncSignal activitySync,
    TimeProvider clock)
    : ICommandHandler<RecheckConsentCommand, ConsentRecheckOutcome>
{
    public async ValueTask<ConsentRecheckOutcome> Handle(RecheckConsentCommand command, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Id == command.TenantId, cancellationToken)
            ?? throw new NotFoundException("Workspace");
        if (tenant.Status != TenantStatus.ConsentRevoked)
        {
            return ConsentRecheckOutcome.NotRevoked;
        }

        ConsentProof proof;
        try
        {
            proof = await consent.ProveAsync(tenant.ExternalTenantId, cancellationToken);
        }
        catch (ProviderUnavailableException)
        {
            return ConsentRecheckOutcome.Unavailable;
        }

        var now = clock.GetUtcNow();
        if (proof.Status != ConsentProofStatus.Granted)
        {
            tenant.ConsentStillRevoked(now);
            await db.SaveChangesAsync(cancellationToken);
            return ConsentRecheckOutcome.StillRevoked;
        }

        ConsentChanges.Recover(db, tenant, now);
        using (tenantContext.BeginScope(tenant.Id))
        {
            var service = await db.ConnectedServices.SingleOrDefaultAsync(cancellationToken);
            service?.ScheduleNextSync(now);
            await db.SaveChangesAsync(cancellationToken);
        }

        activitySync.Wake(tenant.Id);
        return ConsentRecheckOutcome.Recovered;
    }
}
