using WorkSights.Application.Common.Interfaces;

namespace WorkSights.Application.Accounts.DeleteWorkspace;

/// <summary>What was deleted, when and by whom: the only record left, since the audit log went with the workspace.</summary>
public sealed record WorkspaceDeletionReceipt(string WorkspaceName, string PrimaryDomain, DateTimeOffset DeletedAt, string DeletedBy, IReadOnlyList<RemovedRows> Tables)
{
    public int TotalRows => Tables.Sum(t => t.Count);
}
