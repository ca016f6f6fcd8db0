using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Common;

namespace WorkSights.Application.Accounts.DeleteWorkspace;

/// <summary>
/// Removes every row the workspace owns in one transaction, then forgets the tokens held for its organisation. Its
/// people's sessions go with it, so everyone, the Owner included, is signed out.
/// </summary>
public sealed class DeleteWorkspaceCommandHandler(
    IApplicationDbContext db, ITenantContext tenantContext, ICurrentUser currentUser, IOwnedRows ownedRows, IConnectionTokens tokens, TimeProvider clock)
    : ICommandHandler<DeleteWorkspaceCommand, WorkspaceDeletionReceipt>
{
    public async ValueTask<WorkspaceDeletionReceipt> Handle(DeleteWorkspaceCommand command, CancellationToken cancellationToken)
    {
        var tenantId = tenantContext.TenantId ?? throw new ForbiddenAccessException("Sign in to a workspace to delete it.");
        var workspace = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenantId, cancellationToken) ?? throw new NotFoundException("Workspace");
        if (!string.Equals(command.ConfirmationName?.Trim(), workspace.Name, StringComparison.Ordinal))
        {
            throw new DomainRuleViolationException($"The name typed is not the workspace's name: type {workspace.Name} exactly to delete it.");
        }

        var owner = await db.People.AsNoTracking().Where(p => p.Id == currentUser.PersonId).Select(p => p.DisplayName).SingleOrDefaultAsync(cancellationToken)
            ?? throw new ForbiddenAccessException("Sign in to a workspace to delete it.");
        var now = clock.GetUtcNow();
        IReadOnlyList<RemovedRows> removed = [];
        await db.InTransactionAsync(async () => removed = await ownedRows.RemoveWorkspaceAsync(workspace.Id, workspace.ExternalTenantId, cancellationToken), cancellationToken);
        tokens.Forget(workspace.ExternalTenantId);
        return new WorkspaceDeletionReceipt(workspace.Name, workspace.PrimaryDomain, now, owner, removed);
    }
}
