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
        var window = StreamItems.WindowOf(query.Day, await StreamItems.ZoneOfAsync(calendars, scope.ViewerId, cancellationToken));
        // Everyone of the workspace needs no list of people to read the items by: only the page's people are named.
        var people = scope.SelectsWholeWorkspace(query.Filter) ? null : await ReportFilterQueries.NamesShownAsync(db, scope, query.Filter, cancellationToken);
        var rows = StreamItems.Matching(db.Activities.AsNoTracking().VisibleTo(scope), people?.Keys.ToList(), query.Filter, window);
        if (query.After is { } after)
        {
            rows = rows.Where(a => a.OccurredAt < after.OccurredAt || (a.OccurredAt == after.OccurredAt && a.Id.CompareTo(after.Id) < 0));
        }

        var page = await rows.OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
            .Take(query.PageSize + 1)
            .ToListAsync(cancellationToken);
        var shown = page.Take(query.PageSize).ToList();
        var next = page.Count > query.PageSize ? new StreamCursor(shown[^1].OccurredAt, shown[^1].Id) : null;
        var names = people ?? await (await ReportFilterQueries.PeopleShownAsync(db, scope, query.Filter, cancellationToken))
            .NamesShownOfAsync(scope, [.. shown.Select(a => a.PersonId).Distinct()], cancellationToken);
        return new ActivityStreamDto(query.Day, await StreamItems.ToItemsAsync(shown, names, calendars, cancellationToken), next);
    }
}
