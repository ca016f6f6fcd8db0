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
        await db.ConnectedServices
            .Where(s => s.PeopleDone < command.PeopleDone)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.PeopleDone, x => x.PeopleInRun < command.PeopleDone ? x.PeopleInRun : command.PeopleDone), cancellationToken);
        return Unit.Value;
    }
}
