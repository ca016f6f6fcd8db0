using Mediator;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Audit;

namespace WorkSights.Application.Scores.SaveCreditingTable;

public sealed class SaveCreditingTableCommandHandler(IApplicationDbContext db, ITenantContext tenant, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SaveCreditingTableCommand, CreditingTableSaved>
{
    public async ValueTask<CreditingTableSaved> Handle(SaveCreditingTableCommand command, CancellationToken cancellationToken)
    {
        var tenantId = tenant.TenantId ?? throw new NotFoundException("Workspace");
        var by = currentUser.PersonId ?? throw new ForbiddenAccessException("Sign in to change the workspace's settings.");
        var table = command.ToTable();
        var changed = await WorkspaceCreditingTable.ChangeAsync(db, tenantId, new AuditActor(by, currentUser.Address), clock.GetUtcNow(), table, cancellationToken);
        return new CreditingTableSaved(changed, table.ModelVersion);
    }
}
