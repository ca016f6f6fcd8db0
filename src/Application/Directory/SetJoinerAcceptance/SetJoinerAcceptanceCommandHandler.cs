using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Audit;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Audit;

namespace WorkSights.Application.Directory.SetJoinerAcceptance;

public sealed class SetJoinerAcceptanceCommandHandler(IApplicationDbContext db, ITenantContext tenantContext, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SetJoinerAcceptanceCommand>
{
    public const string AuditAction = "provisioning.joiners.changed";

    public async ValueTask<Unit> Handle(SetJoinerAcceptanceCommand command, CancellationToken cancellationToken)
    {
        var tenantId = tenantContext.TenantId ?? throw new NotFoundException("Workspace");
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Id == tenantId, cancellationToken) ?? throw new NotFoundException("Workspace");
        if (tenant.AcceptsJoinersAutomatically == command.AcceptAutomatically)
        {
            return Unit.Value;
        }

        var before = Words(tenant.AcceptsJoinersAutomatically);
        tenant.AcceptJoinersAutomatically(command.AcceptAutomatically);
        db.AuditEntries.Add(AuditEntry.Record(
            tenantId, currentUser.AsAuditActor(), clock.GetUtcNow(), AuditAction, "Accept joiners automatically", before, Words(command.AcceptAutomatically)));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    public static string Words(bool accept) => accept ? "Joiners are accepted automatically" : "Joiners wait as New for review";
}
