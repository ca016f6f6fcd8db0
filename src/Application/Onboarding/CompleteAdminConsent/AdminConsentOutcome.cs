using WorkSights.Domain.People;

namespace WorkSights.Application.Onboarding.CompleteAdminConsent;

public enum AdminConsentResult
{
    /// <summary>Consent proven for a new workspace; the person who finished, a proven administrator, owns it.</summary>
    Granted = 1,

    /// <summary>The administrator cancelled on the permissions page.</summary>
    Declined = 2,

    /// <summary>The person who answered cannot grant consent: an administrator must finish the set-up.</summary>
    NotAnAdmin = 3,

    /// <summary>The provider reported an error, or could not be asked.</summary>
    ProviderError = 4,

    /// <summary>The answer cannot be trusted (missing, forged, replayed or foreign state; another organisation).</summary>
    Rejected = 5,

    /// <summary>Consent proven for a new workspace, which now exists, but the person who finished is not an administrator:
    /// nobody was activated, and the first proven administrator to sign in becomes Owner.</summary>
    AwaitingAdministrator = 6,

    /// <summary>The provider does not show every permission as granted: nothing was activated or changed.</summary>
    NotGranted = 7,

    /// <summary>An existing workspace's connection was restored (or confirmed); roles were left as they were, unless it had
    /// no active Owner and the person is a proven administrator.</summary>
    Reconnected = 8,

    /// <summary>Someone who is neither the workspace's Owner nor a proven administrator tried to change its connection.</summary>
    NotAllowed = 9,
}

/// <param name="PersonId">Set when the person has (or now has) access to the workspace, with their role.</param>
public sealed record AdminConsentOutcome(AdminConsentResult Result, string Message, Guid? TenantId = null, Guid? PersonId = null, PersonRole? Role = null);
