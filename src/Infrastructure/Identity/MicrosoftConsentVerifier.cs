using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Onboarding.Consent;

namespace WorkSights.Infrastructure.Identity;

/// <summary>
/// Proves consent the way Microsoft documents it: a client-credentials token for the organisation, freshly issued (a
/// cached one keeps its roles for up to an hour after a change), lists the granted application permissions in its
/// <c>roles</c> claim. No service principal in the organisation means no token at all (AADSTS7000229).
/// </summary>
internal sealed class MicrosoftConsentVerifier(AppOnlyTokenProvider tokens, IOptions<MicrosoftIdentityOptions> options) : IConsentVerifier
{
    private readonly MicrosoftIdentityOptions settings = options.Value;

    public async Task<ConsentProof> ProveAsync(string externalTenantId, CancellationToken cancellationToken)
    {
        IReadOnlyList<RequiredPermission> required = [.. MicrosoftPermissions.Graph, .. MicrosoftPermissions.ManagementActivity];
        try
        {
            var graphRoles = await GrantedRolesAsync(externalTenantId, settings.GraphScope, cancellationToken);
            var managementRoles = await GrantedRolesAsync(externalTenantId, settings.ManagementScope, cancellationToken);
            var missing = MicrosoftPermissions.Graph.Where(p => !graphRoles.Contains(p.Name))
                .Concat(MicrosoftPermissions.ManagementActivity.Where(p => !managementRoles.Contains(p.Name)))
                .ToList();
            return ConsentProof.From(required, missing);
        }
        catch (ConsentRevokedException)
        {
            return ConsentProof.From(required, required);
        }
    }

    private async Task<HashSet<string>> GrantedRolesAsync(string externalTenantId, string scope, CancellationToken cancellationToken)
    {
        var token = await tokens.GetTokenAsync(externalTenantId, scope, cancellationToken, fresh: true);
        JsonWebToken jwt;
        try
        {
            jwt = new JsonWebToken(token);
        }
        catch (ArgumentException ex)
        {
            throw new ProviderUnavailableException("Microsoft issued a token WorkSights could not read.", ex);
        }

        if (!string.Equals(jwt.GetPayloadValue<string>("tid"), externalTenantId, StringComparison.OrdinalIgnoreCase))
        {
            throw new ProviderUnavailableException("Microsoft issued a token for another organisation.");
        }

        return jwt.Claims.Where(c => c.Type == "roles").Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
    }
}
