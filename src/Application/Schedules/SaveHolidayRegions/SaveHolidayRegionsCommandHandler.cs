using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Audit;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Scores;
using WorkSights.Domain.Audit;
using WorkSights.Domain.Schedules;

namespace WorkSights.Application.Schedules.SaveHolidayRegions;

public sealed class SaveHolidayRegionsCommandHandler(IApplicationDbContext db, ITenantContext tenant, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SaveHolidayRegionsCommand>
{
    public async ValueTask<Unit> Handle(SaveHolidayRegionsCommand command, CancellationToken cancellationToken)
    {
        var tenantId = tenant.TenantId ?? throw new NotFoundException("Workspace");
        var now = clock.GetUtcNow();
        var observance = await db.HolidayObservances.SingleOrDefaultAsync(cancellationToken);
        var before = observance?.ToString() ?? "your company's country";
        if (observance is null)
        {
            observance = HolidayObservance.For(tenantId);
            db.HolidayObservances.Add(observance);
        }

        observance.Change(command.Regions, command.DefaultRegion, now);
        if (observance.ToString() == before)
        {
            return Unit.Value;
        }

        db.AuditEntries.Add(AuditEntry.Record(tenantId, currentUser.AsAuditActor(), now, "schedule.holidays.changed", "Holiday regions", before, observance.ToString()));
        await DirtyDays.MarkEveryoneAsync(db, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
