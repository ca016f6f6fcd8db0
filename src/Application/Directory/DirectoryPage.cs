namespace WorkSights.Application.Directory;

/// <summary>A page of the directory: identities added or changed, ids removed, and on the last page the next delta link.</summary>
public sealed record DirectoryPage(
    IReadOnlyList<DirectoryIdentity> Identities,
    IReadOnlyList<string> RemovedIds,
    string? DeltaLink);
