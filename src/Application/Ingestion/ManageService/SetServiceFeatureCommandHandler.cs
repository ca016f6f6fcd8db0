using Mediator;
using WorkSights.Application.Common.Interfaces;

namespace WorkSights.Application.Ingestion.ManageService;

public sealed class SetServiceFeatureCommandHandler(IApplicationDbContext db, ITenantContext tenantContext) : ICommandHandler<SetServiceFeatureCommand>
{
    public async ValueTask<Unit> Handle(SetServiceFeatureCommand command, CancellationToken cancellationToken)
    {
        var service = await db.CurrentAsync(tenantContext, cancellationToken);
        service.SetFeature(command.Feature, command.Enabled);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
