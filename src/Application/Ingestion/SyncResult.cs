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

    /// <summary>How a sync that met <paramref name="failure"/> ended, with what it had stored before.</summary>
    public static SyncResult After(ProviderFailure failure, int stored)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return failure.Kind switch
        {
            ProviderFailureKind.Throttled => new(SyncOutcome.Parked, stored, 0, failure.NotBefore),
            ProviderFailureKind.ConsentRevoked => new(SyncOutcome.ConsentRevoked, stored, 0, Problem: failure.Problem),
            _ => new(SyncOutcome.ProviderUnavailable, stored, 0, Problem: failure.Problem),
        };
    }
}
