using Mediator;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Reporting.Visibility;

namespace WorkSights.Application.Reporting.GetFindings;

public sealed class GetTeamFindingsQueryHandler(IApplicationDbContext db, ViewerScopes scopes, ObservedPeople observed)
    : IQueryHandler<GetTeamFindingsQuery, IReadOnlyList<FindingDto>>
{
    public async ValueTask<IReadOnlyList<FindingDto>> Handle(GetTeamFindingsQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.CurrentAsync(cancellationToken);
        var people = await ReportFilterQueries.PeopleShownAsync(db, scope, query.Filter, cancellationToken);
        return await observed.FindingsAsync(scope, people, cancellationToken);
    }
}
