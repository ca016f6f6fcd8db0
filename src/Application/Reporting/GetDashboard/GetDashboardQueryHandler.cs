using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Common.Models;
using WorkSights.Application.Reporting.Visibility;
using WorkSights.Application.Scores;
using WorkSights.Domain.Activities;
using WorkSights.Domain.People;

namespace WorkSights.Application.Reporting.GetDashboard;

/// <remarks>
/// Finds the page's people (in the database by name; in memory by score or pseudonym), then reads the day's rows and raw
/// activity only for them, each along an index of its own.
/// </remarks>
public sealed class GetDashboardQueryHandler(IApplicationDbContext db, ViewerScopes scopes, GroupPrivacy privacy, IWorkCalendars calendars)
    : IQueryHandler<GetDashboardQuery, DashboardDto>
{
    public async ValueTask<DashboardDto> Handle(GetDashboardQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.CurrentAsync(cancellationToken);
        var shown = await db.People.AsNoTracking().VisibleTo(scope).ReportedOn().FilteredByAsync(query.Filter, db, cancellationToken);
        await privacy.EnsureShownAsync(scope, query.Filter, cancellationToken);
        var sort = scope.SeesScores ? query.Sort : DashboardSort.Name;
        var (page, peopleCount, peopleWithResults) = sort == DashboardSort.Name && !scope.SeesPseudonyms
            ? await PageByNameAsync(shown, query, cancellationToken)
            : await PageSortedHereAsync(shown, scope, sort, query, cancellationToken);

        var pageIds = page.Select(p => p.Id).ToList();
        var days = await db.PersonDays.AsNoTracking()
            .Where(d => d.Date == query.Date && pageIds.Contains(d.PersonId))
            .Select(d => new { d.PersonId, d.TimeZoneId, d.DayStart, d.DayEnd, d.WorkStart, d.WorkEnd, d.Credited, d.DailyTarget, d.Score, d.Band })
            .ToDictionaryAsync(d => d.PersonId, cancellationToken);
        var missing = pageIds.Where(id => !days.ContainsKey(id)).ToList();
        var calendarsOfMissing = missing.Count == 0 ? new Dictionary<Guid, PersonCalendar>() : await calendars.ForPeopleAsync(missing, cancellationToken);
        var localDate = LocalDate.FromDateOnly(query.Date);
        var bounds = pageIds.ToDictionary(id => id, (Guid id) =>
        {
            if (days.TryGetValue(id, out var d))
            {
                return new DayBounds(d.TimeZoneId, d.DayStart, d.DayEnd, d.WorkStart, d.WorkEnd);
            }

            if (calendarsOfMissing.TryGetValue(id, out var calendar))
            {
                var day = calendar.DayOf(localDate);
                return new DayBounds(calendar.Zone.Id, day.Bounds.Start, day.Bounds.End, day.WorkHours?.Start, day.WorkHours?.End);
            }

            var utc = DateTimeZone.Utc.AtStartOfDay(localDate).ToDateTimeOffset();
            return new DayBounds(DateTimeZone.Utc.Id, utc, utc.AddDays(1), null, null);
        });

        var items = await TimelineItemsAsync(pageIds, bounds.Values.Select(b => (b.DayStart, b.DayEnd)).ToList(), query.Filter, cancellationToken);
        var rows = page.Select(p =>
        {
            var (zone, start, end, workStart, workEnd) = bounds[p.Id];
            var timeline = new DayTimeline(
                query.Date,
                zone,
                start,
                end,
                workStart,
                workEnd,
                items[p.Id].Select(i => TimelineItem.Within(i.Kind, i.OccurredAt, i.CreditedDuration, i.IsScored, start, end)).OfType<TimelineItem>().ToList());
            var result = days.GetValueOrDefault(p.Id);
            return new DashboardRow(
                p.Id,
                p.DisplayName,
                p.Department,
                timeline,
                result is not null,
                result?.Credited ?? TimeSpan.Zero,
                result?.DailyTarget ?? TimeSpan.Zero,
                scope.SeesScores ? result?.Score : null,
                scope.SeesScores ? result?.Band : null);
        }).ToList();

        return new DashboardDto(
            query.Date,
            scope.SeesScores,
            sort,
            new PagedList<DashboardRow>(rows, query.Page, query.PageSize, peopleCount),
            peopleWithResults,
            await ImportStateAsync(cancellationToken));
    }

    /// <summary>
    /// Names in clear sort in the database along the name index, as the user directory sorts them (SQLite's NOCASE):
    /// only the page's people are read, and the people with a result that day are counted there too.
    /// </summary>
    private async Task<PageOfPeople> PageByNameAsync(IQueryable<Person> shown, GetDashboardQuery query, CancellationToken cancellationToken)
    {
        var count = await shown.CountAsync(cancellationToken);
        var page = await shown.OrderBy(p => p.DisplayName).ThenBy(p => p.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(p => new PersonHead(p.Id, p.DisplayName, p.Department))
            .ToListAsync(cancellationToken);
        var withResults = await db.PersonDays.CountAsync(d => d.Date == query.Date && shown.Any(p => p.Id == d.PersonId), cancellationToken);
        return new PageOfPeople(page, count, withResults);
    }

    /// <summary>
    /// A sort by score, or by pseudonym under privacy mode, needs every shown person's name and score of the day: two narrow
    /// projections, the scores from the (workspace, date, person, score) index alone.
    /// </summary>
    private async Task<PageOfPeople> PageSortedHereAsync(
        IQueryable<Person> shown, ViewerScope scope, DashboardSort sort, GetDashboardQuery query, CancellationToken cancellationToken)
    {
        var people = (await shown.Select(p => new PersonHead(p.Id, p.DisplayName, p.Department)).ToListAsync(cancellationToken))
            .Select(p => p with { DisplayName = scope.NameOf(p.Id, p.DisplayName) })
            .ToList();
        var scores = await db.PersonDays.AsNoTracking().VisibleTo(scope)
            .Where(d => d.Date == query.Date)
            .Select(d => new { d.PersonId, d.Score })
            .ToDictionaryAsync(d => d.PersonId, d => d.Score, cancellationToken);
        var names = StringComparer.CurrentCultureIgnoreCase;
        var ordered = sort == DashboardSort.Score
            ? people.OrderBy(p => scores.GetValueOrDefault(p.Id) is not null ? 0 : 1)
                .ThenByDescending(p => scores.GetValueOrDefault(p.Id) ?? -1)
                .ThenBy(p => p.DisplayName, names).ThenBy(p => p.Id)
            : people.OrderBy(p => p.DisplayName, names).ThenBy(p => p.Id);
        var page = ordered.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList();
        return new PageOfPeople(page, people.Count, people.Count(p => scores.ContainsKey(p.Id)));
    }

    private sealed record PersonHead(Guid Id, string DisplayName, string? Department);

    private sealed record PageOfPeople(List<PersonHead> People, int Count, int WithResults);

    private sealed record DayBounds(string TimeZoneId, DateTimeOffset DayStart, DateTimeOffset DayEnd, DateTimeOffset? WorkStart, DateTimeOffset? WorkEnd);

    private sealed record Item(Guid PersonId, ActivityKind Kind, DateTimeOffset OccurredAt, TimeSpan CreditedDuration, bool IsScored);

    /// <summary>
    /// The page's items that may touch its days (an item starts at most the longest credited length before its day), each
    /// as long as the workspace's crediting table counts it.
    /// </summary>
    private async Task<ILookup<Guid, Item>> TimelineItemsAsync(
        List<Guid> personIds, List<(DateTimeOffset Start, DateTimeOffset End)> days, ReportFilter filter, CancellationToken cancellationToken)
    {
        if (personIds.Count == 0)
        {
            return Array.Empty<Item>().ToLookup(i => i.PersonId);
        }

        var from = days.Min(d => d.Start) - Activity.MaximumCreditedDuration;
        var to = days.Max(d => d.End);
        var activities = db.Activities.AsNoTracking().Where(a => personIds.Contains(a.PersonId) && a.OccurredAt >= from && a.OccurredAt < to);
        if (filter.Service is { } service)
        {
            activities = activities.Where(a => a.Source == service);
        }

        if (filter.Category is { } category)
        {
            var kinds = Enum.GetValues<ActivityKind>().Where(k => Activity.CategoryOf(k) == category).ToList();
            activities = activities.Where(a => kinds.Contains(a.Kind));
        }

        var table = await WorkspaceCreditingTable.ReadAsync(db, cancellationToken);
        // Ordered here, not in SQL: asked for time order, SQLite walks the workspace's time index through every person's
        // items of those days instead of seeking each of the page's people along (tenant, person, time).
        var list = await activities
            .Select(a => new { a.PersonId, a.Kind, a.OccurredAt, a.CreditedDuration, a.IsScored, a.IsCorrected })
            .ToListAsync(cancellationToken);
        return list.OrderBy(a => a.OccurredAt)
            .Select(a => new Item(a.PersonId, a.Kind, a.OccurredAt, table.LengthOf(a.Kind, a.CreditedDuration, a.IsCorrected), a.IsScored))
            .ToLookup(i => i.PersonId);
    }

    private async Task<ImportState> ImportStateAsync(CancellationToken cancellationToken)
    {
        var anyActivity = await db.Activities.AsNoTracking().AnyAsync(cancellationToken);
        var services = await db.ConnectedServices.AsNoTracking().ToListAsync(cancellationToken);
        var running = services.FirstOrDefault(s => s.IsRunning);
        return new ImportState(anyActivity, running is not null, running?.PeopleDone ?? 0, running?.PeopleInRun ?? 0);
    }
}
