using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;

namespace WorkSights.Infrastructure.Networks;

/// <summary>
/// The address ranges of the cloud providers, IPv4 and IPv6 apart, sorted by their first address and searched by
/// halving. Only the providers' ranges are kept, merged where they touch: a few thousand, tens of kilobytes.
/// </summary>
internal sealed class CloudNetworkRanges
{
    public static readonly CloudNetworkRanges Empty = new([], [], [], [], [], [], [], 0);

    private readonly uint[] v4Starts;
    private readonly uint[] v4Ends;
    private readonly byte[] v4Providers;
    private readonly UInt128[] v6Starts;
    private readonly UInt128[] v6Ends;
    private readonly byte[] v6Providers;
    private readonly string[] providers;

    private CloudNetworkRanges(uint[] v4Starts, uint[] v4Ends, byte[] v4Providers, UInt128[] v6Starts, UInt128[] v6Ends, byte[] v6Providers, string[] providers, int skippedLines)
    {
        this.v4Starts = v4Starts;
        this.v4Ends = v4Ends;
        this.v4Providers = v4Providers;
        this.v6Starts = v6Starts;
        this.v6Ends = v6Ends;
        this.v6Providers = v6Providers;
        this.providers = providers;
        SkippedLines = skippedLines;
    }

    public int Ipv4Ranges => v4Starts.Length;

    public int Ipv6Ranges => v6Starts.Length;

    /// <summary>Lines of the data that were not a range with a number (the header, a damaged line).</summary>
    public int SkippedLines { get; }

    /// <summary>The memory the ranges hold on to, arrays' contents only.</summary>
    public long BytesKept => ((long)v4Starts.Length * ((2 * sizeof(uint)) + 1)) + ((long)v6Starts.Length * ((2 * 16) + 1));

    public string? ProviderOf(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        Span<byte> bytes = stackalloc byte[16];
        if (!address.TryWriteBytes(bytes, out var written))
        {
            return null;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var index = LastStartingAtOrBefore(v4Starts, ToUInt32(bytes[..written]));
            return index >= 0 && ToUInt32(bytes[..written]) <= v4Ends[index] ? providers[v4Providers[index]] : null;
        }

        var value = ToUInt128(bytes[..written]);
        var at = LastStartingAtOrBefore(v6Starts, value);
        return at >= 0 && value <= v6Ends[at] ? providers[v6Providers[at]] : null;
    }

    /// <summary>
    /// Reads UTF-8 CSV lines "first address,last address,AS number,organisation" (IPv4 and IPv6 alike) and keeps the
    /// ranges of the given AS numbers. The bytes are scanned in place: a line of another number, nearly all of them,
    /// costs no allocation and no address parsing.
    /// </summary>
    /// <remarks>Measured on the package's 33 MB (Release, one core): line strings cost 500 ms and 80 MB of garbage.</remarks>
    public static CloudNetworkRanges Read(IEnumerable<Stream> sources, IReadOnlyDictionary<int, string> providerByAsn)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(providerByAsn);
        var names = providerByAsn.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var indexOf = providerByAsn.ToDictionary(p => p.Key, p => (byte)Array.IndexOf(names, p.Value));
        var v4 = new List<Range>();
        var v6 = new List<Range>();
        var skipped = 0;
        var buffer = new byte[1 << 16];
        foreach (var source in sources)
        {
            var filled = 0;
            while (true)
            {
                if (filled == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var read = source.Read(buffer, filled, buffer.Length - filled);
                filled += read;
                var consumed = 0;
                var lines = buffer.AsSpan(0, filled);
                int newLine;
                while ((newLine = lines[consumed..].IndexOf((byte)'\n')) >= 0 || (read == 0 && consumed < filled))
                {
                    var length = newLine >= 0 ? newLine : filled - consumed;
                    Take(lines.Slice(consumed, length));
                    consumed += newLine >= 0 ? length + 1 : length;
                }

                if (read == 0)
                {
                    break;
                }

                lines[consumed..].CopyTo(buffer);
                filled -= consumed;
            }
        }

        var mergedV4 = Merge(v4);
        var mergedV6 = Merge(v6);
        return new CloudNetworkRanges(
            [.. mergedV4.Select(r => (uint)r.Start)],
            [.. mergedV4.Select(r => (uint)r.End)],
            [.. mergedV4.Select(r => r.Provider)],
            [.. mergedV6.Select(r => r.Start)],
            [.. mergedV6.Select(r => r.End)],
            [.. mergedV6.Select(r => r.Provider)],
            names,
            skipped);

        void Take(ReadOnlySpan<byte> line)
        {
            switch (Parse(line.TrimEnd((byte)'\r'), indexOf, out var range, out var family))
            {
                case LineKind.Kept:
                    (family == AddressFamily.InterNetwork ? v4 : v6).Add(range);
                    break;
                case LineKind.Malformed:
                    skipped++;
                    break;
            }
        }
    }

    private static LineKind Parse(ReadOnlySpan<byte> text, Dictionary<int, byte> indexOf, out Range range, out AddressFamily family)
    {
        range = default;
        family = AddressFamily.Unspecified;
        var first = text.IndexOf((byte)',');
        var second = first < 0 ? -1 : text[(first + 1)..].IndexOf((byte)',') + first + 1;
        if (first < 0 || second <= first)
        {
            return text.Trim((byte)' ').IsEmpty ? LineKind.Ignored : LineKind.Malformed;
        }

        var rest = text[(second + 1)..];
        var third = rest.IndexOf((byte)',');
        var number = third < 0 ? rest : rest[..third];
        if (!Utf8Parser.TryParse(number, out int asn, out var used) || used != number.Length || asn < 0)
        {
            return LineKind.Malformed;
        }

        if (!indexOf.TryGetValue(asn, out var provider))
        {
            return LineKind.Ignored;
        }

        if (!IPAddress.TryParse(text[..first], out var start) || !IPAddress.TryParse(text[(first + 1)..second], out var end)
            || start.AddressFamily != end.AddressFamily)
        {
            return LineKind.Malformed;
        }

        var (low, high) = (ValueOf(start), ValueOf(end));
        if (low > high)
        {
            return LineKind.Malformed;
        }

        range = new Range(low, high, provider);
        family = start.AddressFamily;
        return LineKind.Kept;
    }

    /// <summary>Sorted by first address; ranges of one provider that touch become one, and an overlap goes to the earlier range.</summary>
    private static List<Range> Merge(List<Range> ranges)
    {
        ranges.Sort((a, b) => a.Start.CompareTo(b.Start));
        var merged = new List<Range>(ranges.Count);
        foreach (var range in ranges)
        {
            if (merged.Count == 0)
            {
                merged.Add(range);
                continue;
            }

            var last = merged[^1];
            if (range.End <= last.End)
            {
                continue;
            }

            if (range.Start <= last.End || (range.Start == last.End + 1 && range.Provider == last.Provider))
            {
                if (range.Provider == last.Provider)
                {
                    merged[^1] = last with { End = range.End };
                    continue;
                }

                merged.Add(range with { Start = last.End + 1 });
                continue;
            }

            merged.Add(range);
        }

        return merged;
    }

    private static int LastStartingAtOrBefore<T>(T[] starts, T value)
        where T : IComparable<T>
    {
        var index = Array.BinarySearch(starts, value);
        return index >= 0 ? index : ~index - 1;
    }

    private static UInt128 ValueOf(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var written);
        return written == 4 ? ToUInt32(bytes[..4]) : ToUInt128(bytes[..16]);
    }

    private static uint ToUInt32(ReadOnlySpan<byte> bytes) => System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes);

    private static UInt128 ToUInt128(ReadOnlySpan<byte> bytes) => System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(bytes);

    private enum LineKind
    {
        Ignored,
        Kept,
        Malformed,
    }

    private readonly record struct Range(UInt128 Start, UInt128 End, byte Provider);
}
