namespace WorkSights.Application.Common.Interfaces;

/// <summary>
/// Removes what a workspace or a person owns, table by table, as the storage model describes it: a table added later is
/// covered without being listed anywhere. Runs inside the caller's transaction when there is one.
/// </summary>
public interface IOwnedRows
{
    /// <summary>How many rows of each table belong to the workspace: itself, its data, its sessions, sign-up and consent records.</summary>
    Task<IReadOnlyList<RemovedRows>> CountWorkspaceAsync(Guid tenantId, string externalTenantId, CancellationToken cancellationToken);

    /// <summary>What lets anyone reach the workspace: its sessions and its organisation's sign-up and consent records.</summary>
    Task<int> RemoveWorkspaceAccessAsync(Guid tenantId, string externalTenantId, CancellationToken cancellationToken);

    /// <summary>
    /// Erases up to <paramref name="batchSize"/> rows of a deleted workspace's data, tables whose rows name others first
    /// and the workspace's own row last; answers how many, 0 once nothing of it is left.
    /// </summary>
    Task<int> EraseDeletedWorkspaceBatchAsync(Guid tenantId, int batchSize, CancellationToken cancellationToken);

    /// <summary>
    /// Every row about one person of the workspace (their activities, days, settings, sessions) and the person; for an
    /// identity linked into someone, also what it brought to them (the items read for it or moved with it, and those
    /// items' corrections), leaving that person's own items. The caller marks that person's days for recomputation.
    /// </summary>
    Task<IReadOnlyList<RemovedRows>> RemovePersonAsync(Guid tenantId, string externalTenantId, Guid personId, string personExternalId, CancellationToken cancellationToken);
}

/// <summary>How many rows one table lost.</summary>
public sealed record RemovedRows(string Table, int Count);
