namespace WorkSights.Application.Common.Interfaces;

/// <summary>
/// Removes what a workspace or a person owns, table by table, as the storage model describes it: a table added later is
/// covered without being listed anywhere. Runs inside the caller's transaction when there is one.
/// </summary>
public interface IOwnedRows
{
    /// <summary>Every row of the workspace, the workspace itself, its sessions and its sign-up and consent records.</summary>
    Task<IReadOnlyList<RemovedRows>> RemoveWorkspaceAsync(Guid tenantId, string externalTenantId, CancellationToken cancellationToken);

    /// <summary>Every row about one person of the workspace (their activities, days, settings, sessions) and the person.</summary>
    Task<IReadOnlyList<RemovedRows>> RemovePersonAsync(Guid tenantId, string externalTenantId, Guid personId, string personExternalId, CancellationToken cancellationToken);
}

/// <summary>How many rows one table lost.</summary>
public sealed record RemovedRows(string Table, int Count);
