using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Reporting.Visibility;
using WorkSights.Application.Scores;
using WorkSights.Domain.Activities;
using WorkSights.Domain.Ingestion;
using WorkSights.Domain.Scores;

namespace WorkSights.Application.Reporting.GetExecutiveOverview;

public sealed class GetExecutiveOverviewQueryHandler(IApplicationDbContext db, ViewerScopes scopes, GroupPrivacy privacy, IWorkCalendars calendars, ITenantContext tenantContext, TimeProvider clock)
    : IQueryHandler<GetExecutiveOverviewQuery, ExecutiveOverviewDto>
{
    public async ValueTask<ExecutiveOverviewDto> Handle(GetExecutiveOverviewQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.CurrentAsync(cancellationToken);
        await privacy.EnsureShownAsync(scope, query.Filter, cancellationToken);
        var people = await ReportFilterQueries.PeopleShownAsync(db, scope, query.Filter, cancellationToken);
        var from = query.Day.PlusDays(1 - GetExecutiveOverviewQuery.Days);
        var days =
            from d in db.PersonDays.AsNoTracking().VisibleTo(scope).WithActivityOf(db, query.Filter)
            join p in people on d.PersonId equals p.Id
            select d;
        var fortnight = scope.SeesEveryone && query.Filter.IsEmpty
            ? await DailyAverages.OfWorkspaceAsync(db.GroupDays.AsNoTracking(), from, query.Day, scope.SeesScores, cancellationToken)
            : await DailyAverages.OfAsync(days, from, query.Day, scope.SeesScores, cancellationToken);
        return new ExecutiveOverviewDto(
            from,
            query.Day,
            await FeedAsync(scope, people, query, cancellationToken),
            fortnight,
            await HeatmapAsync(query.Filter, scope.SeesEveryone, days, from, query.Day, cancellationToken),
            await ServiceAsync(cancellationToken));
    }

    private async Task<IReadOnlyList<FeedItem>> FeedAsync(ViewerScope scope, IQueryable<Domain.People.Person> people, GetExecutiveOverviewQuery query, CancellationToken cancellationToken)
    {
        var own = await calendars.ForPeopleAsync([scope.ViewerId], cancellationToken);
        var viewerZone = own.TryGetValue(scope.ViewerId, out var calendar) ? calendar.Zone : DateTimeZone.Utc;
        var end = query.Day.PlusDays(1).AtStartOfDayInZone(viewerZone).ToDateTimeOffset();
        var now = clock.GetUtcNow();
        var activities = db.Activities.AsNoTracking().VisibleTo(scope).Where(a => a.OccurredAt < end && a.OccurredAt <= now);
        if (query.Filter.Category is { } category)
        {
            var kinds = Enum.GetValues<ActivityKind>().Where(k => Activity.CategoryOf(k) == category).ToList();
            activities = activities.Where(a => kinds.Contains(a.Kind));
        }

        if (query.Filter.Service is { } service)
        {
            activities = activities.Where(a => a.Source == service);
        }

        // The newest items of the people shown (IN), then those few people's names: joined, SQLite without statistics
        // searched the workspace's people once for each item it read.
        var shown = people.Select(p => p.Id);
        var newest = await activities
            .Where(a => shown.Contains(a.PersonId))
            .OrderByDescending(a => a.OccurredAt)
            .Select(a => new { a.PersonId, a.OccurredAt, City = a.Location == null ? null : a.Location.City, a.CloudProvider, a.Kind, a.CreditedDuration })
            .Take(GetExecutiveOverviewQuery.FeedLength)
            .ToListAsync(cancellationToken);
        var ids = newest.Select(a => a.PersonId).Distinct().ToList();
        var names = await people.NamesShownOfAsync(scope, ids, cancellationToken);
        var zones = await calendars.ForPeopleAsync(ids, cancellationToken);
        return newest
            .Where(a => names.ContainsKey(a.PersonId))
            .Select(a => new FeedItem(
                a.PersonId,
                names[a.PersonId],
                Instant.FromDateTimeOffset(a.OccurredAt).InZone(zones.TryGetValue(a.PersonId, out var zone) ? zone.Zone : DateTimeZone.Utc).LocalDateTime,
                a.CloudProvider is { } cloud ? CloudPlaces.Label(cloud) : a.City,
                a.Kind,
                a.CreditedDuration))
            .ToList();
    }

    /// <summary>
    /// A viewer of everyone without a filter reads the workspace's group days (one row a date); anyone else the hourly
    /// counts of the days they see.
    /// </summary>
    private async Task<IReadOnlyList<HeatmapCell>> HeatmapAsync(
        ReportFilter filter, bool seesEveryone, IQueryable<Domain.Scores.PersonDay> days, LocalDate from, LocalDate to, CancellationToken cancellationToken)
    {
        var first = from.ToDateOnly();
        var last = to.ToDateOnly();
        var hourly = seesEveryone && filter.IsEmpty
            ? db.GroupDays.AsNoTracking().Where(g => g.Team == GroupDay.Workspace && g.Date >= first && g.Date <= last).Select(g => new { g.Date, g.ItemsByHour })
            : days.Where(d => d.Date >= first && d.Date <= last).Select(d => new { d.Date, d.ItemsByHour });
        var byWeekday = (await hourly.ToListAsync(cancellationToken))
            .GroupBy(d => LocalDate.FromDateOnly(d.Date).DayOfWeek, d => d.ItemsByHour)
            .ToDictionary(g => g.Key, HourlyCounts.Sum);
        return byWeekday
            .OrderBy(w => w.Key)
            .SelectMany(w => Enumerable.Range(0, HourlyCounts.HoursOfDay).Select(hour => new HeatmapCell(w.Key, hour, w.Value[hour])))
            .Where(c => c.Items > 0)
            .ToList();
    }

    private async Task<ServiceStatus?> ServiceAsync(CancellationToken cancellationToken)
    {
        var tenantId = tenantContext.TenantId;
        var tenant = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => new { t.Id, t.Status, t.Provider }).FirstOrDefaultAsync(cancellationToken);
        var service = await db.ConnectedServices.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (tenant is null || service is null)
        {
            return null;
        }

        var enabled = Enum.GetValues<ServiceFeature>().Where(service.IsEnabled).ToList();
        return new ServiceStatus(tenant.Provider, service.StatusAt(tenant.Status, clock.GetUtcNow()), service.RunCompletedAt, enabled);
    }
}
