using WorkSights.Domain.Common;

namespace WorkSights.Domain.Scores;

/// <summary>Read model for the map: a city a person's items came from on one local day, and how many did.</summary>
public sealed class PersonDayLocation : ITenantOwned
{
    private PersonDayLocation()
    {
        City = string.Empty;
        CountryOrRegion = string.Empty;
    }

    public Guid TenantId { get; private set; }

    public Guid PersonId { get; private set; }

    public DateOnly Date { get; private set; }

    public string City { get; private set; }

    /// <summary>Empty when the source named no country.</summary>
    public string CountryOrRegion { get; private set; }

    public double Latitude { get; private set; }

    public double Longitude { get; private set; }

    public int ItemCount { get; private set; }

    public static PersonDayLocation Of(
        Guid tenantId, Guid personId, DateOnly date, string city, string? countryOrRegion, double latitude, double longitude, int itemCount)
    {
        if (latitude is < -90 or > 90 || longitude is < -180 or > 180 || double.IsNaN(latitude) || double.IsNaN(longitude))
        {
            throw new DomainRuleViolationException("A location's coordinates lie on the globe.");
        }

        if (itemCount < 1)
        {
            throw new DomainRuleViolationException("Only places with activity are kept.");
        }

        return new PersonDayLocation
        {
            TenantId = tenantId,
            PersonId = personId,
            Date = date,
            City = Guard.Required(city, "City", 120),
            CountryOrRegion = countryOrRegion ?? string.Empty,
            Latitude = latitude,
            Longitude = longitude,
            ItemCount = itemCount,
        };
    }
}
