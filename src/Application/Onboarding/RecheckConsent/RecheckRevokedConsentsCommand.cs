using Mediator;

namespace WorkSights.Application.Onboarding.RecheckConsent;

/// <summary>Re-checks every revoked workspace whose last check is at least <see cref="ConsentRecheckOptions.Interval"/> old.</summary>
public sealed record RecheckRevokedConsentsCommand : ICommand<int>;
