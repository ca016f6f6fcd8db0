using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using WorkSights.Application.Common.Caching;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Reporting.Visibility;
using WorkSights.Application.Scores;

namespace WorkSights.Application.Reporting.GetReportBar;

/// <remarks>
/// Every reporting page shows the bar, and its teams and managers read every person the viewer sees (a third of a
/// Dashboard's first view at 1,000 people): they are remembered per viewer until something of the workspace is stored,
/// with the viewer's time zone (a tenth of a first view at 2,000 people: the workspace's calendar defaults and the
/// viewer's settings). "Today" in that zone is worked out on every request.
/// </remarks>
public sealed class GetReportBarQueryHandler(IApplicationDbContext db, ViewerScopes scopes, IWorkCalendars calendars, TimeProvider clock, WorkspaceMemo memo)
    : IQueryHandler<GetReportBarQuery, ReportBarDto>
{
    public static readonly TimeSpan Remembered = TimeSpan.FromMinutes(15);

    public async ValueTask<ReportBarDto> Handle(GetReportBarQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.CurrentAsync(cancellationToken);
        var choices = await memo.GetOrComputeAsync(("report bar choices", scope.ViewerId, scope.Role), Remembered, () => ChoicesAsync(scope, cancellationToken));
        var today = Instant.FromDateTimeOffset(clock.GetUtcNow()).InZone(choices.ViewerZone).Date;
        return new ReportBarDto(today, choices.Teams, choices.Managers, choices.Roles, await PersonAsync(scope, query.PersonId, cancellationToken));
    }

    private async Task<PersonOption?> PersonAsync(ViewerScope scope, Guid? personId, CancellationToken cancellationToken)
    {
        if (personId is not { } id)
        {
            return null;
        }

        var person = await db.People.AsNoTracking().VisibleTo(scope).ReportedOn().Where(p => p.Id == id)
            .Select(p => new { p.Id, p.DisplayName })
            .FirstOrDefaultAsync(cancellationToken);
        return person is null ? null : new PersonOption(person.Id, scope.NameOf(person.Id, person.DisplayName));
    }

    private async Task<FilterChoices> ChoicesAsync(ViewerScope scope, CancellationToken cancellationToken)
    {
        var visible = db.People.AsNoTracking().VisibleTo(scope);
        var teams = await visible.Where(p => p.Department != null).Select(p => p.Department!).Distinct().OrderBy(d => d).ToListAsync(cancellationToken);
        if (await visible.AnyAsync(p => p.Department == null, cancellationToken))
        {
            teams.Add(ReportFilter.NoTeam);
        }

        var managerIds = await visible.Where(p => p.ManagerExternalId != null).Select(p => p.ManagerExternalId!).Distinct().ToListAsync(cancellationToken);
        var managers = await visible.Where(p => managerIds.Contains(p.ExternalId))
            .OrderBy(p => p.DisplayName).Select(p => new PersonOption(p.Id, p.DisplayName))
            .ToListAsync(cancellationToken);
        var roles = scope.SeesPseudonyms
            ? []
            : await visible.Where(p => p.JobTitle != null).Select(p => p.JobTitle!).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
        var own = await calendars.ForPeopleAsync([scope.ViewerId], cancellationToken);
        return new FilterChoices(teams, managers, roles, own.TryGetValue(scope.ViewerId, out var calendar) ? calendar.Zone : DateTimeZone.Utc);
    }

    private sealed record FilterChoices(IReadOnlyList<string> Teams, IReadOnlyList<PersonOption> Managers, IReadOnlyList<string> Roles, DateTimeZone ViewerZone);
}
