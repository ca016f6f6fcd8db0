using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace WorkSights.Sandbox;

/// <summary>An in-process emulator of the Microsoft identity platform, Microsoft Graph and the Management Activity API on loopback.</summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly SandboxKeys keys;

    private SandboxServer(WebApplication app, SandboxKeys keys, SandboxState state, Uri http, Uri https)
    {
        this.app = app;
        this.keys = keys;
        State = state;
        HttpBaseAddress = http;
        HttpsBaseAddress = https;
        TlsCertificate = X509CertificateLoader.LoadCertificate(keys.Tls.RawData);
    }

    /// <summary>e.g. http://127.0.0.1:43123/ — identity pages, discovery, JWKS, token, Graph, /sandbox controls.</summary>
    public Uri HttpBaseAddress { get; }

    /// <summary>e.g. https://127.0.0.1:43124/ — the same endpoints over TLS (MSAL needs this).</summary>
    public Uri HttpsBaseAddress { get; }

    /// <summary>Public part of the self-signed TLS certificate, for clients to pin by thumbprint.</summary>
    public X509Certificate2 TlsCertificate { get; }

    /// <summary>Tenants, users and consent.</summary>
    public SandboxDirectory Directory => State.Directory;

    /// <summary>Fault switches.</summary>
    public SandboxFaults Faults => State.Faults;

    /// <summary>Unified audit logging and Management Activity API subscriptions per tenant.</summary>
    public SandboxAuditLog AuditLog => State.AuditLog;

    /// <summary>Every request served.</summary>
    public SandboxRequestLog RequestLog => State.RequestLog;

    /// <summary>The sign-ins API's rate limit per app + tenant, starting at <see cref="SandboxOptions.SignInRequestsPer10Seconds"/>.</summary>
    public int SignInRequestsPer10Seconds
    {
        get => State.SignInThrottle.Limit;
        set => State.SignInThrottle.Limit = value;
    }

    /// <summary>Which identity properties call records carry, starting at <see cref="SandboxOptions.CallRecordShape"/>.</summary>
    public SandboxCallRecordShape CallRecordShape
    {
        get => State.CallRecordShape;
        set => State.CallRecordShape = value;
    }

    /// <summary>Adds a call to a tenant's call records beside the generated ones (listed once published, for 30 days from its start).</summary>
    public void PlaceCall(string tenantId, SandboxPlacedCall call) => State.Calls.Place(tenantId, call);

    internal SandboxState State { get; }

    /// <summary>Starts a sandbox; ports 0 are replaced by free ports.</summary>
    public static async Task<SandboxServer> StartAsync(SandboxOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var keys = SandboxKeys.LoadOrCreate(options.DataDirectory, options.TimeProvider);
        var state = new SandboxState(options, keys);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SandboxServer).Assembly.GetName().Name,
            EnvironmentName = "Production",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            Listen(kestrel, options.PublicHost, options.HttpPort, null);
            Listen(kestrel, options.PublicHost, options.HttpsPort, keys.Tls);
        });
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        app.Use(state.LogAndGuardAsync);
        app.Use((ctx, next) => OutlookEndpoints.FaultsAsync(ctx, next, state));
        IdentityEndpoints.Map(app, state);
        GraphEndpoints.Map(app, state);
        OutlookEndpoints.Map(app, state);
        ManagementEndpoints.Map(app, state);
        CallRecordEndpoints.Map(app, state);
        SignInEndpoints.Map(app, state);
        ControlEndpoints.Map(app, state);
        app.MapFallback(ctx => Http.JsonAsync(ctx, StatusCodes.Status404NotFound, new System.Text.Json.Nodes.JsonObject { ["error"] = "not_found", ["path"] = ctx.Request.Path.Value }));

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            keys.Dispose();
            throw;
        }

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        var httpPort = PortOf(addresses, "http");
        var httpsPort = PortOf(addresses, "https");
        var http = new Uri($"http://{options.PublicHost}:{httpPort}/");
        var https = new Uri($"https://{options.PublicHost}:{httpsPort}/");
        state.SetBases(http, https);
        return new SandboxServer(app, keys, state, http, https);
    }

    /// <summary>Adds or replaces a client app registration.</summary>
    public void RegisterApp(SandboxClientApp app) => State.Directory.RegisterApp(app);

    /// <summary>Returns the sandbox to its seed and forgets every token it issued (see README "Persistence and reset");
    /// with a data directory the reset state is saved at once.</summary>
    public void Reset() => State.Reset();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        keys.Dispose();
        TlsCertificate.Dispose();
    }

    private static void Listen(Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions kestrel, string host, int port, X509Certificate2? tls)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) && port != 0)
        {
            kestrel.ListenLocalhost(port, lo => UseTls(lo, tls));
        }
        else
        {
            kestrel.Listen(IPAddress.Loopback, port, lo => UseTls(lo, tls));
        }
    }

    private static void UseTls(Microsoft.AspNetCore.Server.Kestrel.Core.ListenOptions listen, X509Certificate2? tls)
    {
        if (tls is not null)
        {
            listen.UseHttps(tls);
        }
    }

    private static int PortOf(ICollection<string> addresses, string scheme)
    {
        foreach (var address in addresses)
        {
            var uri = new Uri(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
            if (uri.Scheme == scheme)
            {
                return uri.Port;
            }
        }

        throw new InvalidOperationException($"The sandbox did not bind an {scheme} address.");
    }
}
