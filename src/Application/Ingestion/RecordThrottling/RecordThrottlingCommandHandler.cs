using Mediator;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Ingestion.ManageService;

namespace WorkSights.Application.Ingestion.RecordThrottling;

public sealed class RecordThrottlingCommandHandler(IApplicationDbContext db, ITenantContext tenantContext) : ICommandHandler<RecordThrottlingCommand>
{
    public async ValueTask<Unit> Handle(RecordThrottlingCommand command, CancellationToken cancellationToken)
    {
        using var scope = tenantContext.BeginScope(command.TenantId);
        var service = await db.CurrentAsync(tenantContext, cancellationToken);
        service.Throttled(command.Until);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
