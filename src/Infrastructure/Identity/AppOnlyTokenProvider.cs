using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;

namespace WorkSights.Infrastructure.Identity;

/// <summary>
/// App-only (client credentials) tokens for a consented organisation, through MSAL with its token cache. The authority
/// is built from the tenant id stored at consent, never from request input.
/// </summary>
public sealed class AppOnlyTokenProvider(IOptions<MicrosoftIdentityOptions> options) : IConnectionTokens, IDisposable
{
    /// <summary>Missing service principal (consent removed or app deleted), disabled service principal, unknown app.</summary>
    private static readonly string[] RevocationErrorCodes = ["7000229", "7000112", "700016"];

    private readonly MicrosoftIdentityOptions settings = options.Value;
    private readonly ConcurrentDictionary<string, IConfidentialClientApplication> applications = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lazy<HttpClient> httpClient = new(() => new HttpClient(PinnedCertificateHandler.Create(options.Value.PinnedCertificateThumbprint)));

    /// <param name="fresh">Ask the identity platform even when a cached token is still valid: a cached token keeps the
    /// roles it was issued with for up to an hour after consent changes.</param>
    public async Task<string> GetTokenAsync(string externalTenantId, string scope, CancellationToken cancellationToken, bool fresh = false)
    {
        if (!Guid.TryParse(externalTenantId, out _))
        {
            throw new ArgumentException("App-only tokens are requested for a tenant id.", nameof(externalTenantId));
        }

        var application = applications.GetOrAdd(externalTenantId, Build);
        try
        {
            var result = await application.AcquireTokenForClient([scope]).WithForceRefresh(fresh).ExecuteAsync(cancellationToken);
            return result.AccessToken;
        }
        catch (MsalServiceException ex) when (IsRevocation(ex))
        {
            throw new ConsentRevokedException($"Microsoft refused an app-only token ({ex.ErrorCode}).", ex);
        }
        catch (MsalServiceException ex)
        {
            throw new ProviderUnavailableException($"Microsoft could not issue a token ({ex.ErrorCode}).", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new ProviderUnavailableException("The Microsoft identity platform could not be reached.", ex);
        }
    }

    /// <summary>The token client holds the organisation's token cache: dropping it forgets every token issued for it.</summary>
    public void Forget(string externalTenantId) => applications.TryRemove(externalTenantId, out _);

    public bool Holds(string externalTenantId) => applications.ContainsKey(externalTenantId);

    public void Dispose()
    {
        if (httpClient.IsValueCreated)
        {
            httpClient.Value.Dispose();
        }
    }

    private static bool IsRevocation(MsalServiceException ex) =>
        RevocationErrorCodes.Any(code => ex.Message.Contains($"AADSTS{code}:", StringComparison.Ordinal));

    private IConfidentialClientApplication Build(string externalTenantId)
    {
        var builder = ConfidentialClientApplicationBuilder.Create(settings.ClientId)
            .WithAuthority(new Uri(settings.EffectiveTokenInstance, $"{externalTenantId}/").ToString(), validateAuthority: false)
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(new FixedHttpClientFactory(httpClient.Value));

        if (!string.IsNullOrWhiteSpace(settings.CertificatePath))
        {
            builder = builder.WithCertificate(X509CertificateLoader.LoadPkcs12FromFile(settings.CertificatePath, settings.CertificatePassword));
        }
        else if (!string.IsNullOrWhiteSpace(settings.ClientSecret))
        {
            builder = builder.WithClientSecret(settings.ClientSecret);
        }
        else
        {
            throw new InvalidOperationException("Configure Microsoft:CertificatePath or Microsoft:ClientSecret.");
        }

        return builder.Build();
    }

    private sealed class FixedHttpClientFactory(HttpClient client) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => client;
    }
}
