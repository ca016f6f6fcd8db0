using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace WorkSights.Infrastructure.Hosting;

/// <summary>
/// The address people and Microsoft reach WorkSights at, from the <c>PublicBaseUrl</c> setting. Every absolute link
/// WorkSights hands out (redirect URIs, links to forward, e-mail text) is built from it, never from a request's
/// <c>Host</c> header, which the client chooses. Outside production the setting may be left out: the app's own first
/// listening address stands in, which is what <c>dotnet run</c> and tests on random ports need.
/// </summary>
public sealed class PublicAddress
{
    public const string SettingName = "PublicBaseUrl";

    private readonly IConfiguration configuration;
    private readonly IServer? server;
    private Uri? baseUrl;

    /// <summary>For hosts without a web server (jobs, benchmarks), which must configure the setting.</summary>
    public PublicAddress(IConfiguration configuration) => this.configuration = configuration;

    public PublicAddress(IConfiguration configuration, IServer server)
        : this(configuration) => this.server = server;

    /// <summary>The base address, ending in a slash.</summary>
    public Uri BaseUrl => baseUrl ??= Configured(configuration) ?? FirstListeningAddress();

    /// <summary>An absolute URL for a path of the app, e.g. <c>/SignUp</c>.</summary>
    public Uri For(string path) => new(BaseUrl, path.TrimStart('/'));

    /// <summary>Throws at start-up when the setting is malformed, or missing where it is required.</summary>
    public static void Validate(IConfiguration configuration, IHostEnvironment environment)
    {
        if (Configured(configuration) is null && !environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
        {
            throw new InvalidOperationException($"{SettingName} must be set outside Development, e.g. https://worksights.example.com/.");
        }
    }

    /// <summary>The host of the configured address, or null when it is not configured.</summary>
    public static string? ConfiguredHost(IConfiguration configuration) => Configured(configuration)?.Host;

    private static Uri? Configured(IConfiguration configuration)
    {
        var value = configuration[SettingName];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.Query.Length > 0
            || uri.Fragment.Length > 0
            || uri.UserInfo.Length > 0)
        {
            throw new InvalidOperationException($"{SettingName} must be an absolute http(s) address without query, fragment or credentials; it is '{value}'.");
        }

        return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri + "/");
    }

    private Uri FirstListeningAddress()
    {
        var address = server?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException($"{SettingName} is not set and the server does not listen yet.");

        // Wildcard bindings (http://+:80, http://*:80, http://0.0.0.0:80, http://[::]:80) name no host a browser can reach.
        var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]")
        {
            uri.Host = "localhost";
        }

        uri.Path = "/";
        return uri.Uri;
    }
}
