using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Onboarding;

namespace WorkSights.Application.Onboarding.RequestAdminConsent;

public sealed class RequestAdminConsentCommandHandler(IApplicationDbContext db, IAdminConsentLinks links, TimeProvider clock)
    : ICommandHandler<RequestAdminConsentCommand, Uri>
{
    public async ValueTask<Uri> Handle(RequestAdminConsentCommand command, CancellationToken cancellationToken)
    {
        var externalTenantId = command.ExternalTenantId.ToLowerInvariant();
        var exists = await db.Tenants.AnyAsync(t => t.ExternalTenantId == externalTenantId, cancellationToken);
        if (!exists)
        {
            throw new NotFoundException("Sign-up");
        }

        var state = ConsentState.NewValue();
        db.ConsentRequests.Add(ConsentRequest.Start(ConsentState.Hash(state), externalTenantId, command.ObjectId, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return links.Build(externalTenantId, state);
    }
}
