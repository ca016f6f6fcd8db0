using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Common;

namespace WorkSights.Application.Accounts.EraseDeletedWorkspace;

/// <summary>
/// One transaction a batch, so that other workspaces' writes take their turns between them; a workspace still open is
/// never touched.
/// </summary>
public sealed class EraseDeletedWorkspaceCommandHandler(IApplicationDbContext db, ITenantContext tenantContext, IOwnedRows ownedRows)
    : ICommandHandler<EraseDeletedWorkspaceCommand, int>
{
    public async ValueTask<int> Handle(EraseDeletedWorkspaceCommand command, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(command.BatchSize, 1);
        var tenantId = tenantContext.TenantId ?? throw new NotFoundException("Workspace");
        if (await db.Tenants.AnyAsync(t => t.Id == tenantId, cancellationToken))
        {
            throw new DomainRuleViolationException("Only a deleted workspace is erased.");
        }

        var total = 0;
        int erased;
        do
        {
            erased = 0;
            await db.InTransactionAsync(async () => erased = await ownedRows.EraseDeletedWorkspaceBatchAsync(tenantId, command.BatchSize, cancellationToken), cancellationToken);
            total += erased;
        }
        while (erased > 0);

        return total;
    }
}
