using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using WorkSights.Infrastructure.Hosting;

namespace WorkSights.Web.Infrastructure;

/// <summary>
/// Production behind a TLS-terminating reverse proxy: which hosts the app answers to, and which proxies may tell it the
/// client's address and scheme. Forwarded headers are ignored unless <c>ReverseProxy:Enabled</c> is set, and then
/// only from the proxies and networks listed, so a client cannot claim another address or HTTPS by sending them itself.
/// </summary>
internal static class ReverseProxySetup
{
    public const string SectionName = "ReverseProxy";

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue<bool>($"{SectionName}:Enabled");

    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // The host is never taken from the proxy: links come from PublicBaseUrl.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = section.GetValue("ForwardLimit", 1);
            foreach (var proxy in section.GetSection("KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in section.GetSection("KnownNetworks").Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        // Without an explicit AllowedHosts, a configured public address is the one host answered; anything else is a 400.
        services.PostConfigure<HostFilteringOptions>(options =>
        {
            if (string.IsNullOrWhiteSpace(configuration["AllowedHosts"]) && PublicAddress.ConfiguredHost(configuration) is { } host)
            {
                options.AllowedHosts = [host];
            }
        });
        return services;
    }
}
