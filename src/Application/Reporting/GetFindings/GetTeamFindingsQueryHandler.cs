using Mediator;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Reporting.Visibility;

namespace WorkSights.Application.Reporting.GetFindings;

public sealed class GetTeamFindingsQueryHandler(IApplicationDbContext db, ViewerScopes scopes, GroupPrivacy privacy, ObservedPeople observed, FindingsMemo memo)
    : IQueryHandler<GetTeamFindingsQuery, IReadOnlyList<FindingDto>>
{
    public async ValueTask<IReadOnlyList<FindingDto>> Handle(GetTeamFindingsQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.CurrentAsync(cancellationToken);
        await privacy.EnsureShownAsync(scope, query.Filter, cancellationToken);
        return await memo.GetOrComputeAsync(scope, query.Filter, async () =>
        {
            var people = await ReportFilterQueries.PeopleShownAsync(db, scope, query.Filter, cancellationToken);
            return await observed.FindingsAsync(scope, people, cancellationToken);
        });
    }
}
