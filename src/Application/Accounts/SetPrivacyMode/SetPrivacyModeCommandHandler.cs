using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Audit;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Audit;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Accounts.SetPrivacyMode;

public sealed class SetPrivacyModeCommandHandler(
    IApplicationDbContext db, ITenantContext tenantContext, ICurrentUser currentUser, IPseudonymKeys pseudonymKeys, TimeProvider clock)
    : ICommandHandler<SetPrivacyModeCommand>
{
    public async ValueTask<Unit> Handle(SetPrivacyModeCommand command, CancellationToken cancellationToken)
    {
        var tenantId = tenantContext.TenantId ?? throw new NotFoundException("Workspace");
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Id == tenantId, cancellationToken) ?? throw new NotFoundException("Workspace");
        var before = Words(tenant);
        if (command.On)
        {
            tenant.TurnOnPrivacyMode(command.MinimumGroupSize, pseudonymKeys.NewProtectedKey());
        }
        else
        {
            tenant.TurnOffPrivacyMode();
        }

        var after = Words(tenant);
        if (after == before)
        {
            return Unit.Value;
        }

        db.AuditEntries.Add(AuditEntry.Record(tenantId, currentUser.AsAuditActor(), clock.GetUtcNow(), AccountAuditActions.PrivacyModeChanged, "Privacy mode", before, after));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    public static string Words(Tenant tenant) =>
        tenant.PrivacyModeOn ? $"On: pseudonyms, groups of {tenant.MinimumGroupSize} or more" : "Off: names shown";
}
