using WorkSights.Application.Ingestion;

namespace WorkSights.Application.Directory.ImportDirectory;

public enum DirectoryImportOutcome
{
    Completed = 1,
    WorkspaceNotActive = 2,
    ConsentRevoked = 3,
    ProviderUnavailable = 4,

    /// <summary>Microsoft asked for a pause longer than the retries cover; <see cref="DirectoryImportResult.NotBefore"/> says until when.</summary>
    Throttled = 5,
}

/// <param name="NotImported">Guests and shared, room and equipment mailboxes first seen in this import, recorded with the reason and never imported.</param>
public sealed record DirectoryImportResult(DirectoryImportOutcome Outcome, int Added, int Updated, int Removed, bool WasFullImport, DateTimeOffset? NotBefore = null, int NotImported = 0)
{
    public static DirectoryImportResult Failed(DirectoryImportOutcome outcome) => new(outcome, 0, 0, 0, false);

    /// <summary>How an import that met <paramref name="failure"/> ended: nothing counted, and a throttled one says until when.</summary>
    public static DirectoryImportResult Failed(ProviderFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return failure.Kind switch
        {
            ProviderFailureKind.Throttled => Failed(DirectoryImportOutcome.Throttled) with { NotBefore = failure.NotBefore },
            ProviderFailureKind.ConsentRevoked => Failed(DirectoryImportOutcome.ConsentRevoked),
            _ => Failed(DirectoryImportOutcome.ProviderUnavailable),
        };
    }
}
