using Mediator;
using WorkSights.Application.Common.Interfaces;

namespace WorkSights.Application.Ingestion.ManageService;

public sealed class SetConnectionCommandHandler(IApplicationDbContext db, ITenantContext tenantContext, IActivitySyncSignal signal, TimeProvider clock)
    : ICommandHandler<SetConnectionCommand>
{
    public async ValueTask<Unit> Handle(SetConnectionCommand command, CancellationToken cancellationToken)
    {
        var service = await db.CurrentAsync(tenantContext, cancellationToken);
        if (command.Connected)
        {
            service.Reconnect(clock.GetUtcNow());
        }
        else
        {
            service.Disconnect();
        }

        await db.SaveChangesAsync(cancellationToken);
        if (command.Connected)
        {
            signal.Wake(service.TenantId);
        }

        return Unit.Value;
    }
}
