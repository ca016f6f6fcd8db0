using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using WorkSights.Sandbox;

namespace WorkSights.Tests.Shared;

/// <summary>
/// WorkSights on a real loopback port with its own database, pointed by configuration alone at its own Microsoft 365
/// sandbox — exactly as production is pointed at the real services.
/// </summary>
public sealed class WorkSightsApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string ClientId = "0d9f8c61-2f4b-4a3c-8e1d-7b5a6c4d3e21";
    public const string ClientSecret = "test-secret-only-known-to-the-sandbox";

    /// <summary>The app's data folder: its database and keys, and, with <see cref="PersistSandbox"/>, the sandbox's state.</summary>
    public string DataDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "worksights-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Leaves the data folder in place on dispose, for a test that starts a new host on it (a restart).</summary>
    public bool KeepDataOnDispose { get; init; }

    /// <summary>The sandbox keeps its state in the data folder, as it does under <c>dotnet run</c>.</summary>
    public bool PersistSandbox { get; init; }

    /// <summary>Fixed sandbox ports (0: any free one), so that a restarted sandbox answers the links it gave out before.</summary>
    public (int Http, int Https) SandboxPorts { get; init; }

    /// <summary>
    /// A sandbox already serving in another process (a benchmark's parent, which measures this app alone in its own
    /// process); then none is started here and <see cref="Sandbox"/> stays unset.
    /// </summary>
    public SandboxEndpoints? RemoteSandbox { get; init; }

    public SandboxServer Sandbox { get; private set; } = null!;

    private SandboxEndpoints Endpoints => RemoteSandbox ?? SandboxEndpoints.Of(Sandbox);

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>People the sandbox adds to Contoso beyond its seed, for a workspace of a chosen size.</summary>
    public int SandboxExtraPeople { get; init; }

    /// <summary>Off unless a test is about activity import, so that other tests see no background writes.</summary>
    public bool ActivitySyncEnabled { get; init; }

    /// <summary>Short-lived app-only tokens so that MSAL asks again on every sync and revocation shows at once.</summary>
    public TimeSpan AccessTokenLifetime { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The app's clock; the system clock unless a test drives time.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>Services replaced for the test, such as a port whose implementation has not landed yet.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>Further configuration, applied after the defaults above.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        if (RemoteSandbox is null)
        {
            Sandbox = await SandboxServer.StartAsync(new SandboxOptions
            {
                AccessTokenLifetime = AccessTokenLifetime,
                DataDirectory = PersistSandbox ? Path.Combine(DataDirectory, "sandbox") : null,
                HttpPort = SandboxPorts.Http,
                HttpsPort = SandboxPorts.Https,
                ExtraPeople = SandboxExtraPeople,
            });
        }

        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseAddress = ClientOptions.BaseAddress;
        if (RemoteSandbox is null)
        {
            Sandbox.RegisterApp(new SandboxClientApp(
                ClientId,
                ClientSecret,
                "WorkSights (tests)",
                [new Uri(BaseAddress, "signin-oidc").ToString(), new Uri(BaseAddress, "onboarding/consent/callback").ToString()]));
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (RemoteSandbox is null)
        {
            await Sandbox.DisposeAsync();
        }

        if (KeepDataOnDispose)
        {
            return;
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file briefly; the temp folder is cleaned by the OS.
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("DataDirectory", DataDirectory);
        builder.UseSetting("Sandbox:Enabled", "false");
        builder.UseSetting("ActivitySync:Enabled", ActivitySyncEnabled ? "true" : "false");
        builder.UseSetting("ActivitySync:PollInterval", "00:00:01");

        // Scores are kept current where activities arrive; elsewhere a test recomputes what it needs.
        builder.UseSetting("ScoreRecompute:Enabled", ActivitySyncEnabled ? "true" : "false");
        builder.UseSetting("ScoreRecompute:PollInterval", "00:00:01");
        builder.UseSetting("DataRetention:Enabled", "false");
        var sandbox = Endpoints;
        builder.UseSetting("Microsoft:Instance", sandbox.Http.ToString());
        builder.UseSetting("Microsoft:TokenInstance", sandbox.Https.ToString());
        builder.UseSetting("Microsoft:GraphBaseUrl", new Uri(sandbox.Http, "v1.0").ToString());
        builder.UseSetting("Microsoft:ManagementApiBaseUrl", sandbox.Https.ToString());
        builder.UseSetting("Microsoft:ClientId", ClientId);
        builder.UseSetting("Microsoft:ClientSecret", ClientSecret);
        builder.UseSetting("Microsoft:PinnedCertificateThumbprint", sandbox.TlsThumbprint);

        // Every request checks its session against the database, so that what ends a session shows on the next request.
        builder.UseSetting("Sessions:RevalidateAfter", "00:00:00");
        if (Clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }

        if (TestServices is { } configure)
        {
            builder.ConfigureTestServices(configure);
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

/// <summary>Where a sandbox answers, as the app's configuration names it.</summary>
public sealed record SandboxEndpoints(Uri Http, Uri Https, string TlsThumbprint)
{
    public static SandboxEndpoints Of(SandboxServer sandbox) => new(sandbox.HttpBaseAddress, sandbox.HttpsBaseAddress, sandbox.TlsCertificate.Thumbprint);
}
