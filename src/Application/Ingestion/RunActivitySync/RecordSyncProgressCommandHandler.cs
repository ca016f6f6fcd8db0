using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Ingestion.CountActivities;

namespace WorkSights.Application.Ingestion.RunActivitySync;

public sealed class RecordSyncProgressCommandHandler(IApplicationDbContext db, ITenantContext tenantContext, ServiceActivityCounter counter)
    : ICommandHandler<RecordSyncProgressCommand>
{
    public async ValueTask<Unit> Handle(RecordSyncProgressCommand command, CancellationToken cancellationToken)
    {
        using var scope = tenantContext.BeginScope(command.TenantId);
        var service = await db.ConnectedServices.SingleOrDefaultAsync(cancellationToken);
        if (service is not null && service.PeopleDone < command.PeopleDone)
        {
            service.PeopleDoneSoFar(command.PeopleDone);
            await counter.RecountIfStaleAsync(command.TenantId, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return Unit.Value;
    }
}
