namespace WorkSights.Infrastructure.Networks;

/// <summary>
/// The autonomous systems whose addresses are datacenters, by the name people know the provider by. Each number was
/// checked against the organisation the address data names for it (AS8075 "Microsoft Corporation", AS16509 and
/// AS14618 "Amazon.com, Inc.", …); a provider's office and consumer networks run under other numbers.
/// </summary>
internal static class CloudProviders
{
    public static readonly IReadOnlyDictionary<int, string> ByAsn = new Dictionary<int, string>
    {
        [8075] = "Microsoft Azure",
        [16509] = "Amazon Web Services",
        [14618] = "Amazon Web Services",
        [396982] = "Google Cloud",
        [15169] = "Google",
        [31898] = "Oracle Cloud",
        [14061] = "DigitalOcean",
        [16276] = "OVHcloud",
        [24940] = "Hetzner",
        [63949] = "Akamai Linode",
        [45102] = "Alibaba Cloud",
        [13335] = "Cloudflare",
    };
}
