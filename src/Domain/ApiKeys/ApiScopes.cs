namespace WorkSights.Domain.ApiKeys;

/// <summary>What an API key may read through /api/v1. Every key reads its workspace; the others are chosen when it is created.</summary>
public static class ApiScopes
{
    /// <summary>The workspace's status (GET /api/v1/workspace); every key holds it.</summary>
    public const string WorkspaceRead = "workspace.read";

    /// <summary>The people of the workspace (GET /api/v1/people).</summary>
    public const string DirectoryRead = "directory.read";

    /// <summary>The Score Report (GET /api/v1/reports/scores): everyone's scores, as an Executive reads them.</summary>
    public const string ReportsRead = "reports.read";

    /// <summary>The scopes a key may be given, in the order they are shown and stored.</summary>
    public static readonly IReadOnlyList<string> All = [WorkspaceRead, DirectoryRead, ReportsRead];

    public static bool IsKnown(string scope) => All.Contains(scope, StringComparer.Ordinal);
}
