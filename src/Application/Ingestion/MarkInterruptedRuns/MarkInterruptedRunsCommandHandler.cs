using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Interfaces;

namespace WorkSights.Application.Ingestion.MarkInterruptedRuns;

/// <returns>How many runs were interrupted.</returns>
public sealed class MarkInterruptedRunsCommandHandler(IApplicationDbContext db, ITenantContext tenantContext, TimeProvider clock)
    : ICommandHandler<MarkInterruptedRunsCommand, int>
{
    public async ValueTask<int> Handle(MarkInterruptedRunsCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var interrupted = 0;
        foreach (var tenantId in await db.Tenants.Select(t => t.Id).ToListAsync(cancellationToken))
        {
            using var scope = tenantContext.BeginScope(tenantId);
            var service = await db.ConnectedServices.SingleOrDefaultAsync(cancellationToken);
            if (service is { IsRunning: true })
            {
                service.MarkInterrupted(now);
                await db.SaveChangesAsync(cancellationToken);
                interrupted++;
            }
        }

        return interrupted;
    }
}
