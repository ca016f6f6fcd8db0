using Mediator;
using WorkSights.Application.Common.Security;

namespace WorkSights.Application.Onboarding.CompleteAdminConsent;

/// <summary>
/// The provider sent the browser back from its admin-consent page. The answer's parameters are unauthenticated;
/// only a valid one-time state bound to the signed-in person makes them count.
/// </summary>
[RequiresSignIn]
public sealed record CompleteAdminConsentCommand(
    string ExternalTenantId,
    string ObjectId,
    string? State,
    string? AdminConsent,
    string? AnsweringTenant,
    string? Error,
    string? ErrorSubcode,
    string? ErrorDescription) : ICommand<AdminConsentOutcome>;
