using Mediator;
using WorkSights.Application.Common.Security;

namespace WorkSights.Application.Onboarding.RecheckConsent;

/// <summary>Re-checks every revoked workspace whose last check is at least <see cref="ConsentRecheckOptions.Interval"/> old.</summary>
[SentByWorkSights("the consent recheck job")]
public sealed record RecheckRevokedConsentsCommand : ICommand<int>;
