using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Interfaces;

namespace WorkSights.Application.Ingestion.RunActivitySync;

public sealed class RecordPersonSyncedCommandHandler(IApplicationDbContext db, ITenantContext tenantContext)
    : ICommandHandler<RecordPersonSyncedCommand>
{
    public async ValueTask<Unit> Handle(RecordPersonSyncedCommand command, CancellationToken cancellationToken)
    {
        using var scope = tenantContext.BeginScope(command.TenantId);
        await db.ConnectedServices
            .Where(s => s.PeopleDone < s.PeopleInRun)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.PeopleDone, x => x.PeopleDone + 1), cancellationToken);
        return Unit.Value;
    }
}
