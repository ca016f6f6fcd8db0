using Microsoft.EntityFrameworkCore;
using NodaTime;
using WorkSights.Application.Scores;
using WorkSights.Domain.Activities;

namespace WorkSights.Application.Reporting;

/// <summary>The Activity Stream's reading of activities: one day's window, the filter's category and service, the people given.</summary>
internal static class StreamItems
{
    /// <summary>
    /// The day as the viewer lives it: from their local midnight to the next. A person elsewhere shows their local time
    /// beside each item.
    /// </summary>
    public static (DateTimeOffset Start, DateTimeOffset End) WindowOf(LocalDate day, DateTimeZone viewerZone) =>
        (day.AtStartOfDayInZone(viewerZone).ToDateTimeOffset(), day.PlusDays(1).AtStartOfDayInZone(viewerZone).ToDateTimeOffset());

    public static IQueryable<Activity> Matching(
        IQueryable<Activity> activities, IReadOnlyCollection<Guid>? people, ReportFilter filter, (DateTimeOffset Start, DateTimeOffset End) window)
    {
        var (start, end) = window;
        var query = activities.Where(a => a.OccurredAt >= start && a.OccurredAt < end);
        if (people is not null)
        {
            query = query.Where(a => people.Contains(a.PersonId));
        }

        if (filter.Service is { } service)
        {
            query = query.Where(a => a.Source == service);
        }

        if (filter.Category is { } category)
        {
            var kinds = Enum.GetValues<ActivityKind>().Where(k => Activity.CategoryOf(k) == category).ToList();
            query = query.Where(a => kinds.Contains(a.Kind));
        }

        return query;
    }

    public static async Task<DateTimeZone> ZoneOfAsync(IWorkCalendars calendars, Guid personId, CancellationToken cancellationToken)
    {
        var own = await calendars.ForPeopleAsync([personId], cancellationToken);
        return own.TryGetValue(personId, out var calendar) ? calendar.Zone : DateTimeZone.Utc;
    }

    public static async Task<IReadOnlyList<StreamItemDto>> ToItemsAsync(
        IReadOnlyList<Activity> rows, IReadOnlyDictionary<Guid, string> names, IWorkCalendars calendars, CancellationToken cancellationToken)
    {
        var zones = await calendars.ForPeopleAsync(rows.Select(r => r.PersonId).Distinct().ToList(), cancellationToken);
        return rows.Select(a =>
        {
            var zone = zones.TryGetValue(a.PersonId, out var calendar) ? calendar.Zone : DateTimeZone.Utc;
            var local = Instant.FromDateTimeOffset(a.OccurredAt).InZone(zone);
            return new StreamItemDto(
                a.Id,
                a.PersonId,
                names.TryGetValue(a.PersonId, out var name) ? name : "Someone",
                a.OccurredAt,
                local.LocalDateTime,
                zone.GetZoneInterval(local.ToInstant()).Name,
                a.Kind,
                a.Category,
                a.CreditedDuration,
                a.CloudProvider is { } cloud ? CloudPlaces.Label(cloud) : a.Location?.City,
                a.CloudProvider is null ? a.Location?.CountryOrRegion : null,
                a.Source,
                a.IsExternal);
        }).ToList();
    }
}
