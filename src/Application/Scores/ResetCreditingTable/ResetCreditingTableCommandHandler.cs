using Mediator;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Audit;
using WorkSights.Domain.Scores;

namespace WorkSights.Application.Scores.ResetCreditingTable;

public sealed class ResetCreditingTableCommandHandler(IApplicationDbContext db, ITenantContext tenant, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ResetCreditingTableCommand, CreditingTableSaved>
{
    public async ValueTask<CreditingTableSaved> Handle(ResetCreditingTableCommand command, CancellationToken cancellationToken)
    {
        var tenantId = tenant.TenantId ?? throw new NotFoundException("Workspace");
        var by = currentUser.PersonId ?? throw new ForbiddenAccessException("Sign in to change the workspace's settings.");
        var changed = await WorkspaceCreditingTable.ChangeAsync(db, tenantId, new AuditActor(by, currentUser.Address), clock.GetUtcNow(), CreditingTable.Default, cancellationToken);
        return new CreditingTableSaved(changed, CreditingTable.Default.ModelVersion);
    }
}
