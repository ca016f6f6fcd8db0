using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Audit;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Audit;

namespace WorkSights.Application.Accounts.SetScoreVisibility;

public sealed class SetScoreVisibilityCommandHandler(IApplicationDbContext db, ITenantContext tenantContext, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SetScoreVisibilityCommand>
{
    public async ValueTask<Unit> Handle(SetScoreVisibilityCommand command, CancellationToken cancellationToken)
    {
        var tenantId = tenantContext.TenantId ?? throw new NotFoundException("Workspace");
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Id == tenantId, cancellationToken) ?? throw new NotFoundException("Workspace");
        if (tenant.ScoresVisibleToMembers == command.ShowScoresToMembers)
        {
            return Unit.Value;
        }

        var before = Words(tenant.ScoresVisibleToMembers);
        tenant.ShowScoresToMembers(command.ShowScoresToMembers);
        db.AuditEntries.Add(AuditEntry.Record(
            tenantId, currentUser.AsAuditActor(), clock.GetUtcNow(), AccountAuditActions.ScoreVisibilityChanged, "Score visibility", before, Words(command.ShowScoresToMembers)));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    public static string Words(bool visible) => visible ? "Members see scores" : "Scores hidden from Members";
}
