using Mediator;
using WorkSights.Application.Common.Interfaces;

namespace WorkSights.Application.Ingestion.ManageService;

public sealed class RequestSyncNowCommandHandler(IApplicationDbContext db, ITenantContext tenantContext, IActivitySyncSignal signal, TimeProvider clock)
    : ICommandHandler<RequestSyncNowCommand>
{
    public async ValueTask<Unit> Handle(RequestSyncNowCommand command, CancellationToken cancellationToken)
    {
        var service = await db.CurrentAsync(tenantContext, cancellationToken);
        service.ScheduleNextSync(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        signal.Wake(service.TenantId);
        return Unit.Value;
    }
}
