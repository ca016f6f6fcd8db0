using System.Globalization;
using NodaTime;

namespace WorkSights.Application.Onboarding.SaveAccountSetup;

/// <summary>The values Account Setup offers, shared by the form and the validator.</summary>
public static class AccountSetupChoices
{
    /// <summary>A domain name such as contoso.com: labels of letters, digits and inner hyphens, and a top-level label.</summary>
    public const string DomainPattern = @"^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$";

    public static readonly IReadOnlyList<string> Industries =
    [
        "Software and IT services", "Financial services", "Professional services", "Manufacturing", "Retail and e-commerce",
        "Healthcare", "Education", "Media and marketing", "Logistics and transport", "Energy and utilities",
        "Public sector", "Non-profit", "Other",
    ];

    public static IReadOnlyList<(string Code, string Name)> Countries { get; } = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => { try { return new RegionInfo(c.Name); } catch (ArgumentException) { return null; } })
        .OfType<RegionInfo>()
        .Where(r => r.TwoLetterISORegionName.Length == 2 && r.TwoLetterISORegionName.All(char.IsLetter))
        .DistinctBy(r => r.TwoLetterISORegionName)
        .Select(r => (r.TwoLetterISORegionName, r.EnglishName))
        .OrderBy(r => r.EnglishName, StringComparer.Ordinal)
        .ToArray();

    public static IReadOnlyList<string> TimeZones { get; } = DateTimeZoneProviders.Tzdb.Ids.Where(id => id.Contains('/') || id == "UTC").Order(StringComparer.Ordinal).ToArray();

    public static bool IsCountry(string? code) => code is not null && Countries.Any(c => c.Code == code.ToUpperInvariant());

    public static bool IsTimeZone(string? id) => id is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is not null;
}
