namespace WorkSights.Infrastructure.Jobs;

public sealed class ActivitySyncOptions
{
    public const string SectionName = "ActivitySync";

    public bool Enabled { get; set; } = true;

    /// <summary>Time between the end of one sync of a workspace and the start of the next.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How many mailboxes of one workspace are read at once (the per-tenant bulkhead).</summary>
    /// <remarks>Microsoft limits concurrency per mailbox, not per workspace; each mailbox gets one request at a time.</remarks>
    public int MailboxesInParallel { get; set; } = 4;

    /// <summary>How often the scheduler looks for workspaces that are due, when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);
}
