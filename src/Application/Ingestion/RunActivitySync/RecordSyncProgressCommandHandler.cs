using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Interfaces;

namespace WorkSights.Application.Ingestion.RunActivitySync;

public sealed class RecordSyncProgressCommandHandler(IApplicationDbContext db, ITenantContext tenantContext)
    : ICommandHandler<RecordSyncProgressCommand>
{
    public async ValueTask<Unit> Handle(RecordSyncProgressCommand command, CancellationToken cancellationToken)
    {
        using var scope = tenantContext.BeginScope(command.TenantId);
        var service = await db.ConnectedServices.SingleOrDefaultAsync(cancellationToken);
        if (service is not null && service.PeopleDone < command.PeopleDone)
        {
            service.PeopleDoneSoFar(command.PeopleDone);
            await db.SaveChangesAsync(cancellationToken);
        }

        return Unit.Value;
    }
}
