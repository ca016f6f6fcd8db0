using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Infrastructure.Hosting;

namespace WorkSights.Infrastructure.Identity;

/// <summary>The v2.0 admin-consent address for one organisation, asking for every application permission (<c>.default</c>).</summary>
internal sealed class AdminConsentLinks(IOptions<MicrosoftIdentityOptions> options, PublicAddress publicAddress) : IAdminConsentLinks
{
    public const string CallbackPath = "/onboarding/consent/callback";

    public Uri Build(string externalTenantId, string state)
    {
        var settings = options.Value;
        var query = QueryString.Create(new Dictionary<string, string?>
        {
            ["client_id"] = settings.ClientId,
            ["redirect_uri"] = publicAddress.For(CallbackPath).ToString(),
            ["scope"] = settings.GraphScope,
            ["state"] = state,
        });
        return new Uri(settings.Instance, $"{Uri.EscapeDataString(externalTenantId)}/v2.0/adminconsent{query}");
    }
}
