using Mediator;
using WorkSights.Application.Common.Security;

namespace WorkSights.Application.Onboarding.RequestAdminConsent;

/// <summary>Prepares a trip to the provider's admin-consent page for the signed-in person's organisation.</summary>
[RequiresSignIn]
public sealed record RequestAdminConsentCommand(string ExternalTenantId, string ObjectId) : ICommand<Uri>;
