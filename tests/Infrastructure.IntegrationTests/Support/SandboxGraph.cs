using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Infrastructure.AuditFeed;
using WorkSights.Infrastructure.Graph;
using WorkSights.Infrastructure.Identity;
using WorkSights.Sandbox;

namespace WorkSights.Infrastructure.IntegrationTests.Support;

/// <summary>
/// A sandbox on random loopback ports with one registered, consented app, and the real Infrastructure adapters
/// (MSAL client credentials, Graph SDK) pointed at it by configuration alone.
/// </summary>
public sealed class SandboxGraph : IAsyncDisposable
{
    public const string ClientSecret = "integration-tests-secret";

    private SandboxGraph(SandboxServer server, string clientId, MicrosoftIdentityOptions options, TimeProvider clock)
    {
        Server = server;
        ClientId = clientId;
        Options = options;
        Tokens = new AppOnlyTokenProvider(Microsoft.Extensions.Options.Options.Create(options));
        Clients = new GraphClientFactory(Microsoft.Extensions.Options.Options.Create(options), Tokens);
        Reader = new GraphDirectoryReader(Clients);
        MailboxReader = new GraphMailboxReader(Clients);
        auditServices = new ServiceCollection()
            .AddSingleton(Microsoft.Extensions.Options.Options.Create(options))
            .AddSingleton(Tokens)
            .AddSingleton(clock)
            .AddAuditFeedReader()
            .BuildServiceProvider();
        CallRecordReader = new GraphCallRecordReader(Clients);
        SignInReader = new GraphSignInReader(Clients);
    }

    private readonly ServiceProvider auditServices;

    /// <summary>The real audit feed adapter (typed HttpClient with its retry handler), as the app builds it; its retries wait
    /// on the clock the sandbox was started with.</summary>
    public IAuditFeedReader AuditReader => auditServices.GetRequiredService<IAuditFeedReader>();

    public SandboxServer Server { get; }

    public string ClientId { get; }

    public MicrosoftIdentityOptions Options { get; }

    public AppOnlyTokenProvider Tokens { get; }

    public GraphClientFactory Clients { get; }

    public GraphDirectoryReader Reader { get; }

    public GraphMailboxReader MailboxReader { get; }

    public GraphCallRecordReader CallRecordReader { get; }

    public GraphSignInReader SignInReader { get; }

    public SandboxDirectory Directory => Server.Directory;

    public SandboxFaults Faults => Server.Faults;

    public IReadOnlyList<SandboxRequestLogEntry> Requests => Server.RequestLog.Entries;

    /// <summary>Graph requests only (the identity platform's token requests left out).</summary>
    public IReadOnlyList<SandboxRequestLogEntry> GraphRequests => [.. Requests.Where(IsGraph)];

    /// <param name="clock">The sandbox's "now" (which mail and meetings exist, token times, request log stamps), which the audit
    /// feed reader's retries also wait on; the system clock when null.</param>
    public static async Task<SandboxGraph> StartAsync(TimeProvider? clock = null)
    {
        // Two-minute tokens: MSAL treats tokens expiring within five minutes as expired, so every Graph call gets a
        // fresh token and a revoked consent is noticed at once.
        var server = await SandboxServer.StartAsync(new SandboxOptions
        {
            AccessTokenLifetime = TimeSpan.FromMinutes(2),
            TimeProvider = clock ?? TimeProvider.System,

            // The documented 5 requests per 10 seconds would make every backfill wait; the throttling tests lower it again.
            SignInRequestsPer10Seconds = 100_000,
        });
        var clientId = Guid.NewGuid().ToString();
        server.RegisterApp(new SandboxClientApp(clientId, ClientSecret, "WorkSights tests", ["http://127.0.0.1/unused"]));
        foreach (var tenant in SandboxTenants.All)
        {
            if (tenant.AdminCanGrantConsent)
            {
                server.Directory.GrantConsent(tenant.TenantId, clientId);
            }
        }

        var options = new MicrosoftIdentityOptions
        {
            Instance = server.HttpBaseAddress,
            TokenInstance = server.HttpsBaseAddress,
            GraphBaseUrl = new Uri(server.HttpBaseAddress, "v1.0"),
            ManagementApiBaseUrl = server.HttpsBaseAddress,
            ClientId = clientId,
            ClientSecret = ClientSecret,
            PinnedCertificateThumbprint = server.TlsCertificate.Thumbprint,

            // The test mailboxes hold a few hundred items: smaller pages give the crash and fault tests several pages a mailbox.
            MailboxPageSize = 100,
        };
        return new SandboxGraph(server, clientId, options, clock ?? TimeProvider.System);
    }

    public static bool IsGraph(SandboxRequestLogEntry entry) => entry.PathAndQuery.StartsWith("/v1.0/", StringComparison.Ordinal);

    /// <summary>Management Activity API requests (subscriptions, content listings and blobs).</summary>
    public IReadOnlyList<SandboxRequestLogEntry> AuditFeedRequests => [.. Requests.Where(e => e.PathAndQuery.StartsWith("/api/v1.0/", StringComparison.Ordinal))];

    /// <summary>The decoded path of a logged request, without its query.</summary>
    public static string PathOf(SandboxRequestLogEntry entry) => entry.PathAndQuery.Split('?', 2)[0];

    /// <summary>The decoded query parameters of a logged request.</summary>
    public static IReadOnlyDictionary<string, string> QueryOf(SandboxRequestLogEntry entry)
    {
        var parts = entry.PathAndQuery.Split('?', 2);
        if (parts.Length < 2)
        {
            return new Dictionary<string, string>();
        }

        return parts[1].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(
                p => Uri.UnescapeDataString(p[0]),
                p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : string.Empty,
                StringComparer.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await auditServices.DisposeAsync();
        Clients.Dispose();
        Tokens.Dispose();
        await Server.DisposeAsync();
    }
}
