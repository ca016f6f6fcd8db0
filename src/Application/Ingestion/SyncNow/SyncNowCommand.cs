using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Ingestion.SyncNow;

/// <summary>
/// "Sync now" on Service View: the directory at once, then the activity sync; or why nothing can sync. A workspace whose
/// consent was revoked first asks Microsoft whether it was granted again.
/// </summary>
[RequiresRole(PersonRole.Owner, PersonRole.TechnicalAdmin)]
public sealed record SyncNowCommand : ICommand<SyncNowOutcome>;

public enum SyncNowOutcome
{
    /// <summary>The directory is up to date and the activity sync has started.</summary>
    Started = 1,

    /// <summary>Consent had been granted again in Microsoft 365: the connection recovered and the sync has started.</summary>
    Recovered = 2,

    /// <summary>Microsoft asked for a pause; the sync resumes by itself afterwards.</summary>
    Throttled = 3,

    /// <summary>Nothing can sync until an administrator grants consent again.</summary>
    ConsentRevoked = 4,

    /// <summary>Nothing can sync until the connection is switched on again.</summary>
    Disconnected = 5,

    /// <summary>Microsoft could not be reached; the scheduled sync tries again.</summary>
    Unavailable = 6,
}
