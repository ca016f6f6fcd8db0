using WorkSights.Sandbox;

namespace WorkSights.Web.Infrastructure;

/// <summary>
/// In Development the emulated Microsoft identity platform and Graph run inside the same process, so that
/// <c>dotnet run</c> alone lets a newcomer sign up a demo organisation. The app is pointed at it through the same
/// configuration keys that name the real services in production.
/// </summary>
internal static class DevelopmentSandbox
{
    public const string SectionName = "Sandbox";

    public static async Task StartIfEnabledAsync(WebApplicationBuilder builder, string dataDirectory)
    {
        var section = builder.Configuration.GetSection(SectionName);
        if (!section.GetValue<bool>("Enabled"))
        {
            return;
        }

        if (!builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException("The Microsoft 365 sandbox may only run in Development.");
        }

        var clientId = builder.Configuration["Microsoft:ClientId"] ?? throw new InvalidOperationException("Microsoft:ClientId is not set.");
        var clientSecret = builder.Configuration["Microsoft:ClientSecret"] ?? throw new InvalidOperationException("Microsoft:ClientSecret is not set.");
        var server = await SandboxServer.StartAsync(new SandboxOptions
        {
            PublicHost = section["PublicHost"] ?? "localhost",
            HttpPort = section.GetValue("HttpPort", 5100),
            HttpsPort = section.GetValue("HttpsPort", 5101),
            DataDirectory = Path.Combine(dataDirectory, "sandbox"),
            Apps = { new SandboxClientApp(clientId, clientSecret, "WorkSights", RedirectUris(builder.Configuration)) },
        });

        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Microsoft:Instance"] = server.HttpBaseAddress.ToString(),
            ["Microsoft:TokenInstance"] = server.HttpsBaseAddress.ToString(),
            ["Microsoft:GraphBaseUrl"] = new Uri(server.HttpBaseAddress, "v1.0").ToString(),
            ["Microsoft:ManagementApiBaseUrl"] = server.HttpsBaseAddress.ToString(),
            ["Microsoft:PinnedCertificateThumbprint"] = server.TlsCertificate.Thumbprint,
        });
        builder.Services.AddSingleton(server);
        builder.Services.AddHostedService<SandboxLifetime>();
    }

    /// <summary>The app's callback addresses for every URL it listens on, as they must be registered with the provider.</summary>
    public static IReadOnlyList<string> RedirectUris(IConfiguration configuration)
    {
        var urls = (configuration["urls"] ?? "http://localhost:5000").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return urls.Select(u => u.TrimEnd('/'))
            .SelectMany(u => new[] { u, u.Replace("://localhost", "://127.0.0.1", StringComparison.Ordinal) })
            .Distinct()
            .SelectMany(u => new[] { $"{u}/signin-oidc", $"{u}/onboarding/consent/callback" })
            .ToArray();
    }

    private sealed class SandboxLifetime(SandboxServer server) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task StopAsync(CancellationToken cancellationToken) => await server.DisposeAsync();
    }
}
