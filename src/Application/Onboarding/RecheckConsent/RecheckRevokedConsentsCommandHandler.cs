using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Onboarding.RecheckConsent;

/// <returns>How many workspaces recovered.</returns>
public sealed class RecheckRevokedConsentsCommandHandler(IApplicationDbContext db, IMediator mediator, IOptions<ConsentRecheckOptions> options, TimeProvider clock)
    : ICommandHandler<RecheckRevokedConsentsCommand, int>
{
    public async ValueTask<int> Handle(RecheckRevokedConsentsCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var interval = options.Value.Interval;
        var revoked = await db.Tenants.AsNoTracking().Where(t => t.Status == TenantStatus.ConsentRevoked).ToListAsync(cancellationToken);
        var recovered = 0;
        foreach (var tenant in revoked.Where(t => t.NextConsentCheckAt(interval) <= now))
        {
            if (await mediator.Send(new RecheckConsentCommand(tenant.Id), cancellationToken) == ConsentRecheckOutcome.Recovered)
            {
                recovered++;
            }
        }

        return recovered;
    }
}
