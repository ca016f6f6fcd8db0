using WorkSights.Application.Onboarding.Consent;

namespace WorkSights.Application.Common.Interfaces;

/// <summary>
/// Asks the provider whether an organisation's consent is in effect. The consent redirect's own parameters are typed by
/// the browser and prove nothing; only a token the provider issues to WorkSights for that organisation does.
/// </summary>
public interface IConsentVerifier
{
    /// <exception cref="Exceptions.ProviderUnavailableException">The provider could not be asked.</exception>
    Task<ConsentProof> ProveAsync(string externalTenantId, CancellationToken cancellationToken);
}
