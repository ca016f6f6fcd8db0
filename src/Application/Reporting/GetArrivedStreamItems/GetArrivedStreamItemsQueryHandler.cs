using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Reporting.Visibility;
using WorkSights.Application.Scores;

namespace WorkSights.Application.Reporting.GetArrivedStreamItems;

public sealed class GetArrivedStreamItemsQueryHandler(IApplicationDbContext db, ITenantContext tenant, ViewerScopes scopes, GroupPrivacy privacy, IWorkCalendars calendars)
    : IQueryHandler<GetArrivedStreamItemsQuery, IReadOnlyList<StreamItemDto>>
{
    /// <summary>More than this many at once (a first backfill) is no live news; the reader reloads for them.</summary>
    public const int MaximumItems = 200;

    public async ValueTask<IReadOnlyList<StreamItemDto>> Handle(GetArrivedStreamItemsQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.CurrentAsync(cancellationToken);
        var arrivals = query.Arrivals.Where(a => a.TenantId == tenant.TenantId).ToList();
        var arrived = arrivals.SelectMany(a => a.People).Where(scope.Sees).ToHashSet();
        if (arrived.Count == 0)
        {
            return [];
        }

        await privacy.EnsureShownAsync(scope, query.Filter, cancellationToken);
        var people = await ReportFilterQueries.NamesShownAsync(db, scope, query.Filter, cancellationToken);
        arrived.IntersectWith(people.Keys);
        if (arrived.Count == 0)
        {
            return [];
        }

        var since = arrivals.Min(a => a.SyncedAt);
        var window = StreamItems.WindowOf(query.Day, await StreamItems.ZoneOfAsync(calendars, scope.ViewerId, cancellationToken));
        var ids = arrived.ToList();
        var rows = await StreamItems.Matching(db.Activities.AsNoTracking().VisibleTo(scope), ids, query.Filter, window)
            .Where(a => a.SyncedAt >= since)
            .OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
            .Take(MaximumItems)
            .ToListAsync(cancellationToken);
        return await StreamItems.ToItemsAsync(rows, people, calendars, cancellationToken);
    }
}
