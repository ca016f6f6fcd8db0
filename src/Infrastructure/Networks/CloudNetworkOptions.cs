namespace WorkSights.Infrastructure.Networks;

public sealed class CloudNetworkOptions
{
    public const string SectionName = "CloudNetworks";

    /// <summary>
    /// The folder of the npm package @ip-location-db/asn (its asn-ipv4.csv and asn-ipv6.csv); by default where the build's
    /// <c>npm ci</c> puts it, under the web app's content root.
    /// </summary>
    public string? DataDirectory { get; set; }

    public static string DefaultDirectory(string contentRoot) => Path.Combine(contentRoot, "node_modules", "@ip-location-db", "asn");

    public static readonly string[] FileNames = ["asn-ipv4.csv", "asn-ipv6.csv"];
}
