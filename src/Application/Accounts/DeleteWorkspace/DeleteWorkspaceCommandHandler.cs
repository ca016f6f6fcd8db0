using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Common;

namespace WorkSights.Application.Accounts.DeleteWorkspace;

/// <summary>
/// Closes the workspace at once — it is no longer found, its people's sessions (the Owner's included) and its
/// organisation's consent records go, and the tokens held for the organisation are forgotten — then leaves its rows to
/// the erasure job, which removes them in small batches so that a large workspace does not hold up everyone else's.
/// </summary>
public sealed class DeleteWorkspaceCommandHandler(
    IApplicationDbContext db,
    ITenantContext tenantContext,
    ICurrentUser currentUser,
    IOwnedRows ownedRows,
    IConnectionTokens tokens,
    IWorkspaceErasureSignal erasure,
    TimeProvider clock)
    : ICommandHandler<DeleteWorkspaceCommand, WorkspaceDeletionReceipt>
{
    public async ValueTask<WorkspaceDeletionReceipt> Handle(DeleteWorkspaceCommand command, CancellationToken cancellationToken)
    {
        var tenantId = tenantContext.TenantId ?? throw new ForbiddenAccessException("Sign in to a workspace to delete it.");
        var workspace = await db.Tenants.SingleOrDefaultAsync(t => t.Id == tenantId, cancellationToken) ?? throw new NotFoundException("Workspace");
        if (!string.Equals(command.ConfirmationName?.Trim(), workspace.Name, StringComparison.Ordinal))
        {
            throw new DomainRuleViolationException($"The name typed is not the workspace's name: type {workspace.Name} exactly to delete it.");
        }

        var owner = await db.People.AsNoTracking().Where(p => p.Id == currentUser.PersonId).Select(p => p.DisplayName).SingleOrDefaultAsync(cancellationToken)
            ?? throw new ForbiddenAccessException("Sign in to a workspace to delete it.");
        var now = clock.GetUtcNow();
        var rows = await ownedRows.CountWorkspaceAsync(workspace.Id, workspace.ExternalTenantId, cancellationToken);
        await db.InTransactionAsync(
            async () =>
            {
                workspace.Delete(now);
                await db.SaveChangesAsync(cancellationToken);
                await ownedRows.RemoveWorkspaceAccessAsync(workspace.Id, workspace.ExternalTenantId, cancellationToken);
            },
            cancellationToken);
        tokens.Forget(workspace.ExternalTenantId);
        erasure.Wake();
        return new WorkspaceDeletionReceipt(workspace.Name, workspace.PrimaryDomain, now, owner, rows);
    }
}
