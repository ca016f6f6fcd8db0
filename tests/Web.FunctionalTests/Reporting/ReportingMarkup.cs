using System.Net;
using System.Text.RegularExpressions;

namespace WorkSights.Web.FunctionalTests.Reporting;

/// <summary>What the reporting pages' HTML says about who and what it shows: person rows, stream items and map pins.</summary>
internal static partial class ReportingMarkup
{
    /// <summary>The person of each row (Dashboard, Score Report, My Overview…), from its <c>data-person</c>.</summary>
    public static HashSet<Guid> PersonRowIds(string html) => PersonRows().Matches(html).Select(m => Guid.Parse(m.Groups[1].Value)).ToHashSet();

    /// <summary>The activity id of each stream item, in page order (<c>data-id</c>, 32 hex digits).</summary>
    public static IEnumerable<Guid> ActivityIds(string html) => ActivityItems().Matches(html).Select(m => Guid.ParseExact(m.Groups[1].Value, "N"));

    /// <summary>The decoded name on each map pin, in page order.</summary>
    public static IEnumerable<string> PinNames(string html) => Pins().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value));

    [GeneratedRegex("data-person=\"([0-9a-f-]{36})\"")]
    private static partial Regex PersonRows();

    [GeneratedRegex("data-id=\"([0-9a-f]{32})\"")]
    private static partial Regex ActivityItems();

    [GeneratedRegex("data-pin data-name=\"([^\"]+)\"")]
    private static partial Regex Pins();
}
