using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkSights.Application.Common.Interfaces;

namespace WorkSights.Infrastructure.Networks;

/// <summary>
/// The cloud providers' ranges from the address-to-AS-number data of @ip-location-db/asn (CC BY 4.0: RouteViews, the
/// five regional registries through the NRO, DB-IP), read once on first use. Without the data every address is an
/// ordinary network: the app works on, and says so once in the log.
/// </summary>
internal sealed partial class CloudNetworks : ICloudNetworks
{
    private readonly Lazy<CloudNetworkRanges> ranges;

    public CloudNetworks(IOptions<CloudNetworkOptions> options, IHostEnvironment environment, ILogger<CloudNetworks> logger)
    {
        var directory = options.Value.DataDirectory ?? CloudNetworkOptions.DefaultDirectory(environment.ContentRootPath);
        ranges = new Lazy<CloudNetworkRanges>(() => Load(directory, logger), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string? ProviderOf(IPAddress address) => ranges.Value.ProviderOf(address);

    private static CloudNetworkRanges Load(string directory, ILogger logger)
    {
        var files = CloudNetworkOptions.FileNames.Select(name => Path.Combine(directory, name)).ToList();
        if (files.Find(file => !File.Exists(file)) is { } missing)
        {
            LogDataMissing(logger, missing);
            return CloudNetworkRanges.Empty;
        }

        var clock = Stopwatch.StartNew();
        var readers = new List<FileStream>();
        try
        {
            readers.AddRange(files.Select(file => new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan)));
            var loaded = CloudNetworkRanges.Read(readers, CloudProviders.ByAsn);
            LogLoaded(logger, loaded.Ipv4Ranges, loaded.Ipv6Ranges, loaded.BytesKept, clock.ElapsedMilliseconds, loaded.SkippedLines);
            return loaded;
        }
        catch (IOException exception)
        {
            LogDataUnreadable(logger, exception, directory);
            return CloudNetworkRanges.Empty;
        }
        finally
        {
            readers.ForEach(reader => reader.Dispose());
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cloud network data not found at {Path} (npm ci in src/Web installs it): no sign-in is treated as coming from a datacenter")]
    private static partial void LogDataMissing(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cloud network data at {Path} could not be read: no sign-in is treated as coming from a datacenter")]
    private static partial void LogDataUnreadable(ILogger logger, Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cloud networks loaded: {Ipv4} IPv4 and {Ipv6} IPv6 ranges, {Bytes} bytes, in {Milliseconds} ms ({Skipped} lines skipped)")]
    private static partial void LogLoaded(ILogger logger, int ipv4, int ipv6, long bytes, long milliseconds, int skipped);
}
