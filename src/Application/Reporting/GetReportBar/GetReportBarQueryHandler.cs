using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Reporting.Visibility;
using WorkSights.Application.Scores;

namespace WorkSights.Application.Reporting.GetReportBar;

public sealed class GetReportBarQueryHandler(IApplicationDbContext db, ViewerScopes scopes, IWorkCalendars calendars, TimeProvider clock)
    : IQueryHandler<GetReportBarQuery, ReportBarDto>
{
    public async ValueTask<ReportBarDto> Handle(GetReportBarQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.CurrentAsync(cancellationToken);
        var visible = db.People.AsNoTracking().VisibleTo(scope);
        var teams = await visible.Where(p => p.Department != null).Select(p => p.Department!).Distinct().OrderBy(d => d).ToListAsync(cancellationToken);
        if (await visible.AnyAsync(p => p.Department == null, cancellationToken))
        {
            teams.Add(ReportFilter.NoTeam);
        }

        var managerIds = await visible.Where(p => p.ManagerExternalId != null).Select(p => p.ManagerExternalId!).Distinct().ToListAsync(cancellationToken);
        var managers = await visible.Where(p => managerIds.Contains(p.ExternalId))
            .OrderBy(p => p.DisplayName).Select(p => new ManagerOption(p.Id, p.DisplayName))
            .ToListAsync(cancellationToken);

        var own = await calendars.ForPeopleAsync([scope.ViewerId], cancellationToken);
        var zone = own.TryGetValue(scope.ViewerId, out var calendar) ? calendar.Zone : DateTimeZone.Utc;
        var today = Instant.FromDateTimeOffset(clock.GetUtcNow()).InZone(zone).Date;
        return new ReportBarDto(today, teams, managers);
    }
}
