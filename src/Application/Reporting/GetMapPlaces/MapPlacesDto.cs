using NodaTime;

namespace WorkSights.Application.Reporting.GetMapPlaces;

/// <param name="Pins">One per person, at the city most of their located items came from; by city, then name.</param>
public sealed record MapPlacesDto(LocalDate Day, IReadOnlyList<MapPinDto> Pins);

/// <param name="ActivityCount">How many of the person's items that day came from this city.</param>
public sealed record MapPinDto(Guid PersonId, string PersonName, string City, string? CountryOrRegion, double Latitude, double Longitude, int ActivityCount);
