using Mediator;
using WorkSights.Application.Common.Security;

namespace WorkSights.Application.Onboarding.EstablishFirstOwner;

/// <summary>
/// A workspace without an active Owner gets one: the person, if the provider's directory proves them an administrator
/// able to grant consent. Then everyone whose sign-up was waiting is let in. Changes nothing while an active Owner exists.
/// </summary>
[SentByWorkSights("sign-in and consent, once the provider proved the admin")]
public sealed record EstablishFirstOwnerCommand(Guid TenantId, string ObjectId) : ICommand<FirstOwnerResult>;

public enum FirstOwnerOutcome
{
    /// <summary>The person is now the workspace's Owner.</summary>
    Established = 1,

    /// <summary>The workspace already has an active Owner; nothing changed.</summary>
    AlreadyOwned = 2,

    /// <summary>The person is not an administrator who can grant consent (or not in the directory); nothing changed.</summary>
    NotAnAdministrator = 3,
}

public sealed record FirstOwnerResult(FirstOwnerOutcome Outcome, Guid? OwnerPersonId = null);
