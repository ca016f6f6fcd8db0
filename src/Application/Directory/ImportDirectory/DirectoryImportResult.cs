namespace WorkSights.Application.Directory.ImportDirectory;

public enum DirectoryImportOutcome
{
    Completed = 1,
    WorkspaceNotActive = 2,
    ConsentRevoked = 3,
    ProviderUnavailable = 4,
}

public sealed record DirectoryImportResult(DirectoryImportOutcome Outcome, int Added, int Updated, int Removed, bool WasFullImport)
{
    public static DirectoryImportResult Failed(DirectoryImportOutcome outcome) => new(outcome, 0, 0, 0, false);
}
