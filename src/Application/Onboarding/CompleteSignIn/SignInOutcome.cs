using WorkSights.Domain.People;

namespace WorkSights.Application.Onboarding.CompleteSignIn;

public enum SignInResult
{
    /// <summary>The workspace exists and the person may sign in.</summary>
    WorkspaceReady = 1,

    /// <summary>A sign-up is under way: the organisation's administrator has yet to grant consent.</summary>
    AwaitingConsent = 2,

    /// <summary>The organisation has no workspace yet; offer sign-up.</summary>
    NoWorkspace = 3,

    /// <summary>The workspace exists but this person has not been given login access.</summary>
    NoLoginAccess = 4,

    /// <summary>The workspace exists without an active Owner and this person is not a proven administrator: one must
    /// sign in to finish the set-up.</summary>
    AwaitingAdministrator = 5,
}

public sealed record SignInOutcome(SignInResult Result, string Domain, Guid? TenantId = null, Guid? PersonId = null, PersonRole? Role = null);
