using Mediator;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Observers;

namespace WorkSights.Application.Observers.GetObserverThresholds;

public sealed class GetObserverThresholdsQueryHandler(IApplicationDbContext db) : IQueryHandler<GetObserverThresholdsQuery, ObserverThresholds>
{
    public async ValueTask<ObserverThresholds> Handle(GetObserverThresholdsQuery query, CancellationToken cancellationToken) =>
        await WorkspaceThresholds.ReadAsync(db, cancellationToken);
}
