using WorkSights.Domain.Common;

namespace WorkSights.Domain.Activities;

/// <summary>Where an item happened, at city level, as the provider located the network it came from.</summary>
public sealed record ActivityLocation
{
    public ActivityLocation(string? city, string? state, string? countryOrRegion, double? latitude, double? longitude)
    {
        if (latitude is { } lat && (double.IsNaN(lat) || lat < -90 || lat > 90))
        {
            throw new DomainRuleViolationException("A latitude lies between -90 and 90 degrees.");
        }

        if (longitude is { } lon && (double.IsNaN(lon) || lon < -180 || lon > 180))
        {
            throw new DomainRuleViolationException("A longitude lies between -180 and 180 degrees.");
        }

        if (latitude.HasValue != longitude.HasValue)
        {
            throw new DomainRuleViolationException("Coordinates need both a latitude and a longitude.");
        }

        City = Clip(city);
        State = Clip(state);
        CountryOrRegion = Clip(countryOrRegion);
        Latitude = latitude;
        Longitude = longitude;
    }

    public string? City { get; }

    public string? State { get; }

    public string? CountryOrRegion { get; }

    public double? Latitude { get; }

    public double? Longitude { get; }

    public bool HasCoordinates => Latitude.HasValue;

    /// <summary>A location with neither a place name nor coordinates says nothing; it is not kept.</summary>
    public bool IsKnown => City is not null || State is not null || CountryOrRegion is not null || HasCoordinates;

    public const int MaximumNameLength = 120;

    /// <summary>Names come from the provider: an over-long one is cut, never a reason to lose the item.</summary>
    private static string? Clip(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Length > MaximumNameLength ? trimmed[..MaximumNameLength] : trimmed;
    }
}
