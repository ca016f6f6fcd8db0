using Mediator;
using WorkSights.Application.Common.Caching;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Reporting.Visibility;

namespace WorkSights.Application.Reporting.GetFindings;

/// <remarks>
/// The findings read seven weeks of every person's days, and nothing they show changes until something of the workspace
/// is stored: they are remembered per viewer and filter, for a quarter of an hour at most so that the viewer's "today"
/// moves on.
/// </remarks>
public sealed class GetTeamFindingsQueryHandler(IApplicationDbContext db, ViewerScopes scopes, GroupPrivacy privacy, ObservedPeople observed, WorkspaceMemo memo)
    : IQueryHandler<GetTeamFindingsQuery, IReadOnlyList<FindingDto>>
{
    public static readonly TimeSpan Remembered = TimeSpan.FromMinutes(15);

    public async ValueTask<IReadOnlyList<FindingDto>> Handle(GetTeamFindingsQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.CurrentAsync(cancellationToken);
        await privacy.EnsureShownAsync(scope, query.Filter, cancellationToken);
        return await memo.GetOrComputeAsync(("team findings", scope.ViewerId, scope.Role, query.Filter), Remembered, async () =>
        {
            var people = await ReportFilterQueries.PeopleShownAsync(db, scope, query.Filter, cancellationToken);
            return await observed.FindingsAsync(scope, people, cancellationToken);
        });
    }
}
