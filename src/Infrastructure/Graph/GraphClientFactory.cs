using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using WorkSights.Infrastructure.Identity;

namespace WorkSights.Infrastructure.Graph;

/// <summary>Graph SDK clients acting app-only for one organisation, sharing one HTTP pipeline with Graph's middleware.</summary>
/// <param name="clock">What retries wait on; the system clock unless a host drives time itself.</param>
public sealed class GraphClientFactory(IOptions<MicrosoftIdentityOptions> options, AppOnlyTokenProvider tokens, TimeProvider? clock = null) : IDisposable
{
    private readonly MicrosoftIdentityOptions settings = options.Value;

    /// <summary>Mail or calendar items asked for per delta page.</summary>
    internal int MailboxPageSize => settings.MailboxPageSize;

    /// <summary>Where Graph is: nextLinks elsewhere are not followed.</summary>
    internal Uri GraphBaseUrl => settings.GraphBaseUrl;

    /// <summary>What waits for Graph's Retry-After run on.</summary>
    internal TimeProvider Clock { get; } = clock ?? TimeProvider.System;

    private readonly Lazy<HttpClient> httpClient = new(() => Microsoft.Graph.GraphClientFactory.Create(
        GraphHandlers(clock ?? TimeProvider.System),
        finalHandler: PinnedCertificateHandler.Create(options.Value.PinnedCertificateThumbprint)));

    public GraphServiceClient ForTenant(string externalTenantId)
    {
        var authentication = new BaseBearerTokenAuthenticationProvider(
            new TenantTokenProvider(tokens, externalTenantId, settings.GraphScope, settings.GraphBaseUrl.Host));
        return new GraphServiceClient(httpClient.Value, authentication, settings.GraphBaseUrl.ToString().TrimEnd('/'));
    }

    /// <summary>Graph's own middleware, with its retry handler (which waits in real time and caps every wait at 180 s, so it
    /// would retry a longer Retry-After early) replaced by one that never retries early and waits on the app's clock.</summary>
    private static IList<DelegatingHandler> GraphHandlers(TimeProvider clock)
    {
        var handlers = Microsoft.Graph.GraphClientFactory.CreateDefaultHandlers();
        var retry = handlers.OfType<RetryHandler>().Single();
        handlers[handlers.IndexOf(retry)] = new GraphRetryHandler(clock);
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
