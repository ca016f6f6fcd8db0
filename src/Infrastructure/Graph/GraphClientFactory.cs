using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using WorkSights.Infrastructure.Identity;

namespace WorkSights.Infrastructure.Graph;

/// <summary>Graph SDK clients acting app-only for one organisation, sharing one HTTP pipeline with Graph's middleware.</summary>
public sealed class GraphClientFactory(IOptions<MicrosoftIdentityOptions> options, AppOnlyTokenProvider tokens) : IDisposable
{
    private readonly MicrosoftIdentityOptions settings = options.Value;
    /// <summary>The SDK caps every wait at 180 s and would retry a longer Retry-After early; such answers go to the scheduler instead.</summary>
    private static readonly TimeSpan LongestWaitInProcess = TimeSpan.FromSeconds(180);

    private readonly Lazy<HttpClient> httpClient = new(() => Microsoft.Graph.GraphClientFactory.Create(
        GraphHandlers(),
        finalHandler: PinnedCertificateHandler.Create(options.Value.PinnedCertificateThumbprint)));

    public GraphServiceClient ForTenant(string externalTenantId)
    {
        var authentication = new BaseBearerTokenAuthenticationProvider(
            new TenantTokenProvider(tokens, externalTenantId, settings.GraphScope, settings.GraphBaseUrl.Host));
        return new GraphServiceClient(httpClient.Value, authentication, settings.GraphBaseUrl.ToString().TrimEnd('/'));
    }

    private static IList<DelegatingHandler> GraphHandlers()
    {
        var handlers = Microsoft.Graph.GraphClientFactory.CreateDefaultHandlers();
        var retry = handlers.OfType<RetryHandler>().Single();
        handlers[handlers.IndexOf(retry)] = new RetryHandler(new RetryHandlerOption
        {
            MaxRetry = 3,
            ShouldRetry = (_, _, response) => (int)response.StatusCode is 429 or 503 or 504
                && GraphCalls.RetryAfter(response.Headers.ToDictionary(h => h.Key, h => h.Value)) <= LongestWaitInProcess,
        });
        return handlers;
    }

    public void Dispose()
    {
        if (httpClient.IsValueCreated)
        {
            httpClient.Value.Dispose();
        }
    }

    private sealed class TenantTokenProvider(AppOnlyTokenProvider tokens, string externalTenantId, string scope, string graphHost)
        : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new([graphHost]);

        /// <summary>Tokens go only to the Graph host, and only over TLS unless that host is this machine.</summary>
        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            AllowedHostsValidator.IsUrlHostValid(uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.IsLoopback)
                ? tokens.GetTokenAsync(externalTenantId, scope, cancellationToken)
                : Task.FromResult(string.Empty);
    }
}
