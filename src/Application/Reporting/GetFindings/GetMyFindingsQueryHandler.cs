using Mediator;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Reporting.Visibility;

namespace WorkSights.Application.Reporting.GetFindings;

public sealed class GetMyFindingsQueryHandler(IApplicationDbContext db, ViewerScopes scopes, ObservedPeople observed)
    : IQueryHandler<GetMyFindingsQuery, IReadOnlyList<FindingDto>>
{
    public async ValueTask<IReadOnlyList<FindingDto>> Handle(GetMyFindingsQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.CurrentAsync(cancellationToken);
        var me = db.People.Where(p => p.Id == scope.ViewerId);
        return await observed.FindingsAsync(scope, me, cancellationToken);
    }
}
