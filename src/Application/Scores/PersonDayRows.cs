using NodaTime;
using WorkSights.Domain.Activities;
using WorkSights.Domain.Scores;

namespace WorkSights.Application.Scores;

/// <summary>Every read-model row of one person's local day: the result (none for a day that keeps no row), hourly counts, places.</summary>
public sealed record PersonDayRows(PersonDay? Day, IReadOnlyList<PersonDayLocation> Places)
{
    /// <summary>
    /// Computes a person's day from the activities that may touch it (any others are ignored). A day with no item keeps
    /// a row only when <paramref name="keepEmpty"/> (a closed day, see <see cref="ScoredDays"/>): zero credited, a score
    /// of 0 on a work day. Hourly counts and places count the items that start in the day, mailbox-access markers left out; places
    /// leave out items without a city and coordinates and those from a cloud provider's datacenter.
    /// </summary>
    public static PersonDayRows Compute(
        Guid tenantId, Guid personId, PersonCalendar calendar, DateOnly date, IEnumerable<StoredActivity> activities, CreditingTable table, bool keepEmpty)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(activities);
        var localDate = LocalDate.FromDateOnly(date);
        var day = calendar.DayOf(localDate);
        var touching = activities.Where(a => a.OccurredAt < day.Bounds.End && a.OccurredAt >= day.Bounds.Start - StoredActivity.LongestReach).ToList();
        var result = ScoreEngine.Compute(day, touching.Select(a => a.ToScoring()), table);
        if (result.Items.Count == 0 && !keepEmpty)
        {
            return new PersonDayRows(null, []);
        }

        var zone = calendar.Zone;
        var summary = DailySummary.Describe(result, instant => Instant.FromDateTimeOffset(instant).InZone(zone).TimeOfDay.ToTimeOnly());
        var startingToday = touching
            .Where(a => a.OccurredAt >= day.Bounds.Start && a.OccurredAt < day.Bounds.End && a.Kind != ActivityKind.MailboxAccess)
            .ToList();
        var itemsByHour = HourlyCounts.OfItemsAt(startingToday.Select(a => Instant.FromDateTimeOffset(a.OccurredAt).InZone(zone).Hour));
        var row = PersonDay.From(tenantId, personId, zone.Id, day, result, summary, itemsByHour);
        var places = startingToday
            .Where(a => a.HasCityLevelPlace)
            .GroupBy(a => (City: a.City!, Country: a.CountryOrRegion ?? string.Empty))
            .OrderBy(g => g.Key.City, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Country, StringComparer.Ordinal)
            .Select(g => Place(tenantId, personId, date, g.Key.City, g.Key.Country, g.ToList()))
            .ToList();
        return new PersonDayRows(row, places);
    }

    /// <summary>A city's coordinates are those most of its items gave (the smallest of equals), whatever their order.</summary>
    private static PersonDayLocation Place(Guid tenantId, Guid personId, DateOnly date, string city, string country, IReadOnlyCollection<StoredActivity> items)
    {
        var (latitude, longitude) = items
            .GroupBy(a => (Latitude: a.Latitude!.Value, Longitude: a.Longitude!.Value))
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key.Latitude)
            .ThenBy(g => g.Key.Longitude)
            .First().Key;
        return PersonDayLocation.Of(tenantId, personId, date, city, country, latitude, longitude, items.Count);
    }
}
