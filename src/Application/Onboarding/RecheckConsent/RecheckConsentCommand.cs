using Mediator;
using WorkSights.Application.Common.Security;

namespace WorkSights.Application.Onboarding.RecheckConsent;

/// <summary>
/// Asks Microsoft whether a revoked workspace's consent was granted again (in the Entra admin centre, say); if it was,
/// the connection recovers by itself and syncing resumes. Nothing else changes: roles stay as they are.
/// </summary>
[SentByWorkSights("the consent recheck job and Sync now")]
public sealed record RecheckConsentCommand(Guid TenantId) : ICommand<ConsentRecheckOutcome>;

public enum ConsentRecheckOutcome
{
    Recovered = 1,
    StillRevoked = 2,

    /// <summary>The workspace's consent is not revoked: nothing to check.</summary>
    NotRevoked = 3,

    /// <summary>Microsoft could not be asked; the next check tries again.</summary>
    Unavailable = 4,
}
