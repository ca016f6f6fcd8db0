namespace WorkSights.Application.Ingestion;

public enum SyncOutcome
{
    Completed = 1,
    Skipped = 2,
    Parked = 3,
    ConsentRevoked = 4,
    ProviderUnavailable = 5,

    /// <summary>The tenant's audit log is off; the other sources keep syncing.</summary>
    AuditLogNotEnabled = 6,
}

/// <summary>How the sync of one source (a mailbox feature or a workspace feed) ended.</summary>
public sealed record SyncResult(SyncOutcome Outcome, int Stored, int Removed, DateTimeOffset? NotBefore = null, string? Problem = null)
{
    public static SyncResult Skip() => new(SyncOutcome.Skipped, 0, 0);
}
