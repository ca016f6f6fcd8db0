using System.Collections.Concurrent;
using PublicHoliday;

namespace WorkSights.Application.Schedules;

/// <summary>The regions whose public holidays WorkSights knows (through the PublicHoliday package), by ISO 3166-1 code.</summary>
public static class HolidayRegions
{
    private static readonly ConcurrentDictionary<(string Region, int Year), IReadOnlySet<DateOnly>> Years = new();

    public static IReadOnlyDictionary<string, string> Names { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["AT"] = "Austria",
        ["AU"] = "Australia",
        ["BE"] = "Belgium",
        ["BR"] = "Brazil",
        ["CA"] = "Canada",
        ["CH"] = "Switzerland",
        ["CZ"] = "Czech Republic",
        ["DE"] = "Germany",
        ["DK"] = "Denmark",
        ["EE"] = "Estonia",
        ["ES"] = "Spain",
        ["FI"] = "Finland",
        ["FR"] = "France",
        ["GB"] = "United Kingdom",
        ["GR"] = "Greece",
        ["HR"] = "Croatia",
        ["HU"] = "Hungary",
        ["IE"] = "Ireland",
        ["IT"] = "Italy",
        ["JP"] = "Japan",
        ["LT"] = "Lithuania",
        ["LU"] = "Luxembourg",
        ["LV"] = "Latvia",
        ["MX"] = "Mexico",
        ["NL"] = "Netherlands",
        ["NO"] = "Norway",
        ["NZ"] = "New Zealand",
        ["PL"] = "Poland",
        ["PT"] = "Portugal",
        ["RO"] = "Romania",
        ["SE"] = "Sweden",
        ["SI"] = "Slovenia",
        ["SK"] = "Slovakia",
        ["TR"] = "Turkey",
        ["US"] = "United States",
        ["ZA"] = "South Africa",
    };

    public static bool IsKnown(string? region) => region is not null && Names.ContainsKey(region);

    /// <summary>Whether <paramref name="date"/> is a public holiday in <paramref name="region"/>; an unknown region has none.</summary>
    public static bool IsHoliday(string region, DateOnly date) =>
        IsKnown(region) && Years.GetOrAdd((region, date.Year), key => Compute(key.Region, key.Year)).Contains(date);

    /// <summary>The public holidays of a region in a year, with their names, for pages that list them.</summary>
    public static IReadOnlyList<(DateOnly Date, string Name)> Of(string region, int year) =>
        IsKnown(region)
            ? [.. PublicHolidayFactory.GetPublicHolidayForCountry(region).PublicHolidayNames(year)
                .Select(h => (DateOnly.FromDateTime(h.Key), string.Join(", ", h.Value))).OrderBy(h => h.Item1)]
            : [];

    private static IReadOnlySet<DateOnly> Compute(string region, int year) =>
        PublicHolidayFactory.GetPublicHolidayForCountry(region).PublicHolidays(year).Select(DateOnly.FromDateTime).ToHashSet();
}
