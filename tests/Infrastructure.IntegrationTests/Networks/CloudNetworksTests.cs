using System.Net;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WorkSights.Infrastructure.IntegrationTests.Support;
using WorkSights.Infrastructure.Networks;

namespace WorkSights.Infrastructure.IntegrationTests.Networks;

/// <summary>The cloud providers' address ranges, read from a small file in the format of @ip-location-db/asn.</summary>
public sealed class CloudNetworksTests : IDisposable
{
    private const string Ipv4Lines = """
        1.0.0.0,1.0.0.255,13335,"Cloudflare, Inc."
        1.0.4.0,1.0.7.255,38803,Gtelecom Pty Ltd
        13.64.0.0,13.95.255.255,8075,Microsoft Corporation
        13.96.0.0,13.96.0.255,8075,Microsoft Corporation
        not,a,line
        3.5.0.0,3.4.0.0,16509,"Amazon.com, Inc."
        3.96.0.0,3.207.255.255,16509,"Amazon.com, Inc."
        3.208.0.0,3.208.0.255,abc,Broken
        """;

    private const string Ipv6Lines = """
        2001:200::,2001:200:1b9:ffff:ffff:ffff:ffff:ffff,2500,WIDE Project
        2603:1000::,2603:10ff:ffff:ffff:ffff:ffff:ffff:ffff,8075,Microsoft Corporation
        2a05:d000::,2a05:d07f:ffff:ffff:ffff:ffff:ffff:ffff,16509,"Amazon.com, Inc."
        2a05:d080::,1.2.3.4,16509,"Amazon.com, Inc."
        """;

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("cloud-networks-");

    public void Dispose() => folder.Delete(recursive: true);

    private CloudNetworks Networks(RecordingLogger<CloudNetworks>? logger = null) =>
        new(Options.Create(new CloudNetworkOptions { DataDirectory = folder.FullName }), new TestEnvironment(), logger ?? new RecordingLogger<CloudNetworks>());

    private void WriteData()
    {
        File.WriteAllText(Path.Combine(folder.FullName, "asn-ipv4.csv"), Ipv4Lines);
        File.WriteAllText(Path.Combine(folder.FullName, "asn-ipv6.csv"), Ipv6Lines);
    }

    [Theory]
    [InlineData("13.64.0.0", "Microsoft Azure")]
    [InlineData("13.95.255.255", "Microsoft Azure")]
    [InlineData("13.96.0.255", "Microsoft Azure")]
    [InlineData("13.63.255.255", null)]
    [InlineData("13.96.1.0", null)]
    [InlineData("1.0.0.1", "Cloudflare")]
    [InlineData("1.0.5.5", null)]
    [InlineData("3.96.0.0", "Amazon Web Services")]
    [InlineData("3.207.255.255", "Amazon Web Services")]
    [InlineData("3.208.0.0", null)]
    [InlineData("0.0.0.0", null)]
    [InlineData("255.255.255.255", null)]
    [InlineData("::ffff:13.80.1.2", "Microsoft Azure")]
    [InlineData("2603:1000::1", "Microsoft Azure")]
    [InlineData("2603:10ff:ffff:ffff:ffff:ffff:ffff:ffff", "Microsoft Azure")]
    [InlineData("2603:1100::", null)]
    [InlineData("2a05:d000::", "Amazon Web Services")]
    [InlineData("2a05:d080::1", null)]
    [InlineData("2001:200::1", null)]
    [InlineData("::", null)]
    public void ProviderIsTheOneOfTheRangeHoldingTheAddressGivenRangeEdges(string address, string? provider)
    {
        WriteData();

        Assert.Equal(provider, Networks().ProviderOf(IPAddress.Parse(address)));
    }

    [Fact]
    public void OnlyListedProvidersAreKeptAndDamagedLinesSkippedGivenMixedData()
    {
        var ranges = CloudNetworkRanges.Read([new MemoryStream(Encoding.UTF8.GetBytes(Ipv4Lines)), new MemoryStream(Encoding.UTF8.GetBytes(Ipv6Lines))], CloudProviders.ByAsn);

        // 13.64–13.95 and 13.96.0.x touch and merge; the reversed range, the non-number and the mixed-family line are damaged.
        Assert.Equal((3, 2, 4), (ranges.Ipv4Ranges, ranges.Ipv6Ranges, ranges.SkippedLines));
        Assert.Equal((3 * 9) + (2 * 33), ranges.BytesKept);
    }

    [Fact]
    public void EveryAddressIsAnOrdinaryNetworkAndOneWarningIsLoggedGivenNoData()
    {
        var logger = new RecordingLogger<CloudNetworks>();
        var networks = Networks(logger);

        Assert.Null(networks.ProviderOf(IPAddress.Parse("13.64.0.1")));
        Assert.Null(networks.ProviderOf(IPAddress.Parse("2603:1000::1")));
        Assert.Single(logger.Warnings);
        Assert.Contains("npm ci", logger.Warnings[0], StringComparison.Ordinal);
    }

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;

        public string ApplicationName { get; set; } = "WorkSights.Tests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
