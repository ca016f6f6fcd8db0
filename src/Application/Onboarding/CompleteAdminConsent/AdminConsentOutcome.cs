using WorkSights.Domain.People;

namespace WorkSights.Application.Onboarding.CompleteAdminConsent;

public enum AdminConsentResult
{
    /// <summary>Consent granted; the workspace is active and its people imported.</summary>
    Granted = 1,

    /// <summary>The administrator cancelled on the permissions page.</summary>
    Declined = 2,

    /// <summary>The person who answered cannot grant consent: an administrator must finish the set-up.</summary>
    NotAnAdmin = 3,

    /// <summary>The provider reported an error.</summary>
    ProviderError = 4,

    /// <summary>The answer cannot be trusted (missing, forged, replayed or foreign state; another organisation).</summary>
    Rejected = 5,
}

public sealed record AdminConsentOutcome(AdminConsentResult Result, string Message, Guid? TenantId = null, Guid? PersonId = null, PersonRole? Role = null);
