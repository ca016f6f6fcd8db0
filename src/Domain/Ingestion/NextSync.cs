namespace WorkSights.Domain.Ingestion;

public enum NextSyncState
{
    /// <summary>At <see cref="NextSync.At"/>.</summary>
    Scheduled = 1,

    /// <summary>Due now: it starts within moments.</summary>
    Now = 2,

    /// <summary>A run is under way; the next is scheduled when it completes.</summary>
    AfterCurrentRun = 3,

    /// <summary>Nothing runs until consent is granted again.</summary>
    PausedConsentRevoked = 4,

    /// <summary>Nothing runs until the connection is switched on again.</summary>
    PausedDisconnected = 5,
}

public sealed record NextSync(NextSyncState State, DateTimeOffset? At);
