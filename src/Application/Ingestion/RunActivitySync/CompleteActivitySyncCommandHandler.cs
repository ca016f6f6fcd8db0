using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Ingestion.CountActivities;

namespace WorkSights.Application.Ingestion.RunActivitySync;

public sealed class CompleteActivitySyncCommandHandler(IApplicationDbContext db, ITenantContext tenantContext, ServiceActivityCounter counter, TimeProvider clock)
    : ICommandHandler<CompleteActivitySyncCommand>
{
    public async ValueTask<Unit> Handle(CompleteActivitySyncCommand command, CancellationToken cancellationToken)
    {
        using var scope = tenantContext.BeginScope(command.TenantId);
        var service = await db.ConnectedServices.SingleOrDefaultAsync(cancellationToken);
        if (service is null)
        {
            return Unit.Value;
        }

        var now = clock.GetUtcNow();
        if (command.Problem is not null)
        {
            service.RecordError(command.Problem, now);
        }

        service.RunCompleted(now, command.NextSyncAt);
        await counter.RecountAsync(command.TenantId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
