using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Reporting.Visibility;
using WorkSights.Application.Scores;

namespace WorkSights.Application.Reporting.GetMapPlaces;

/// <summary>
/// Reads the person-day places read model; for people whose day is not computed yet (or when the filter names a
/// category or service, which the read model does not keep), it locates their items of that local day directly.
/// Items without a city or coordinates (unknown places) and items from a cloud provider's datacenter are left out.
/// </summary>
public sealed class GetMapPlacesQueryHandler(IApplicationDbContext db, ViewerScopes scopes, GroupPrivacy privacy, IWorkCalendars calendars)
    : IQueryHandler<GetMapPlacesQuery, MapPlacesDto>
{
    public async ValueTask<MapPlacesDto> Handle(GetMapPlacesQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.CurrentAsync(cancellationToken);
        await privacy.EnsureShownAsync(scope, query.Filter, cancellationToken);
        var shown = await ReportFilterQueries.PeopleShownAsync(db, scope, query.Filter, cancellationToken);
        var people = await shown.NamesShownAsync(scope, cancellationToken);
        var places = new List<Place>();
        IReadOnlyList<Guid> missing = [.. people.Keys];
        if (query.Filter.Category is null && query.Filter.Service is null)
        {
            var date = query.Day.ToDateOnly();
            var locations = db.PersonDayLocations.AsNoTracking().Where(l => l.Date == date);
            if (!scope.SelectsWholeWorkspace(query.Filter))
            {
                var ids = people.Keys.ToList();
                locations = locations.Where(l => ids.Contains(l.PersonId));
            }

            places.AddRange((await locations
                .Select(l => new Place(l.PersonId, l.City, l.CountryOrRegion, l.Latitude, l.Longitude, l.ItemCount))
                .ToListAsync(cancellationToken)).Where(p => people.ContainsKey(p.PersonId)));

            // A computed day without places had no located item; only days not computed yet are read from the items.
            missing = await shown.Where(p => !db.PersonDays.Any(d => d.PersonId == p.Id && d.Date == date)).Select(p => p.Id).ToListAsync(cancellationToken);
        }

        if (missing.Count > 0)
        {
            places.AddRange(await FromActivitiesAsync(query, missing, cancellationToken));
        }

        var pins = places
            .Where(p => !string.IsNullOrWhiteSpace(p.City))
            .GroupBy(p => p.PersonId)
            .Select(g => g.OrderByDescending(p => p.Count).ThenBy(p => p.City, StringComparer.Ordinal).First())
            .Select(p => new MapPinDto(p.PersonId, people[p.PersonId], p.City, string.IsNullOrEmpty(p.Country) ? null : p.Country, p.Latitude, p.Longitude, p.Count))
            // By place, then by name: the few places sorted once, then each place's people, rather than both keys at every comparison.
            .GroupBy(p => (p.City, p.CountryOrRegion))
            .OrderBy(place => place.Key.City, StringComparer.CurrentCulture).ThenBy(place => place.Key.CountryOrRegion, StringComparer.CurrentCulture)
            .SelectMany(place => place.OrderBy(p => p.PersonName, StringComparer.CurrentCulture))
            .ToList();
        return new MapPlacesDto(query.Day, pins);
    }

    /// <summary>Each person's located items of their own local day, counted by city.</summary>
    private async Task<IEnumerable<Place>> FromActivitiesAsync(GetMapPlacesQuery query, IReadOnlyList<Guid> personIds, CancellationToken cancellationToken)
    {
        // Every zone's local day lies within UTC day −14 h … day + 1 + 14 h; each item is then kept only on its person's own day.
        var start = query.Day.AtStartOfDayInZone(DateTimeZone.Utc).ToDateTimeOffset().AddHours(-14);
        var end = query.Day.PlusDays(1).AtStartOfDayInZone(DateTimeZone.Utc).ToDateTimeOffset().AddHours(14);
        var window = StreamItems.Matching(db.Activities.AsNoTracking(), personIds, query.Filter, (start, end));
        var rows = await window
            .Where(a => a.Location != null && a.Location.City != null && a.Location.Latitude != null && a.Location.Longitude != null && a.CloudProvider == null)
            .Select(a => new { a.PersonId, a.OccurredAt, a.Location!.City, a.Location.CountryOrRegion, a.Location.Latitude, a.Location.Longitude })
            .ToListAsync(cancellationToken);
        var zones = await calendars.ForPeopleAsync(rows.Select(r => r.PersonId).Distinct().ToList(), cancellationToken);
        return rows
            .Where(r => zones.TryGetValue(r.PersonId, out var calendar) && calendar.DateOf(r.OccurredAt) == query.Day)
            .GroupBy(r => (r.PersonId, r.City))
            .Select(g => new Place(g.Key.PersonId, g.Key.City!, g.First().CountryOrRegion, g.First().Latitude!.Value, g.First().Longitude!.Value, g.Count()));
    }

    private sealed record Place(Guid PersonId, string City, string? Country, double Latitude, double Longitude, int Count);
}
