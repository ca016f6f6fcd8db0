namespace WorkSights.Infrastructure.Jobs;

public sealed class WorkspaceErasureOptions
{
    public const string SectionName = "WorkspaceErasure";

    public bool Enabled { get; set; } = true;

    /// <summary>How often deleted workspaces are looked for without a wake-up (one deleted before a restart, say).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Rows erased per transaction: each holds the write lock only briefly, so other workspaces' syncs go on.</summary>
    public int BatchSize { get; set; } = 5_000;
}
