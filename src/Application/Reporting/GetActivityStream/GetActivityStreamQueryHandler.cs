using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Reporting.Visibility;
using WorkSights.Application.Scores;

namespace WorkSights.Application.Reporting.GetActivityStream;

public sealed class GetActivityStreamQueryHandler(IApplicationDbContext db, ViewerScopes scopes, GroupPrivacy privacy, IWorkCalendars calendars)
    : IQueryHandler<GetActivityStreamQuery, ActivityStreamDto>
{
    public async ValueTask<ActivityStreamDto> Handle(GetActivityStreamQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.CurrentAsync(cancellationToken);
        await privacy.EnsureShownAsync(scope, query.Filter, cancellationToken);
        var people = await ReportFilterQueries.NamesShownAsync(db, scope, query.Filter, cancellationToken);
        var window = StreamItems.WindowOf(query.Day, await StreamItems.ZoneOfAsync(calendars, scope.ViewerId, cancellationToken));
        var everyone = scope.SelectsWholeWorkspace(query.Filter);
        var rows = StreamItems.Matching(db.Activities.AsNoTracking().VisibleTo(scope), everyone ? null : people.Keys.ToList(), query.Filter, window);
        if (query.After is { } after)
        {
            rows = rows.Where(a => a.OccurredAt < after.OccurredAt || (a.OccurredAt == after.OccurredAt && a.Id.CompareTo(after.Id) < 0));
        }

        var page = await rows.OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
            .Take(query.PageSize + 1)
            .ToListAsync(cancellationToken);
        var shown = page.Take(query.PageSize).ToList();
        var next = page.Count > query.PageSize ? new StreamCursor(shown[^1].OccurredAt, shown[^1].Id) : null;
        return new ActivityStreamDto(query.Day, await StreamItems.ToItemsAsync(shown, people, calendars, cancellationToken), next);
    }
}
