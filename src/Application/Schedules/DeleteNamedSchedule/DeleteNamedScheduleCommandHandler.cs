using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Audit;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Scores;
using WorkSights.Domain.Audit;

namespace WorkSights.Application.Schedules.DeleteNamedSchedule;

public sealed class DeleteNamedScheduleCommandHandler(IApplicationDbContext db, ITenantContext tenant, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<DeleteNamedScheduleCommand>
{
    public async ValueTask<Unit> Handle(DeleteNamedScheduleCommand command, CancellationToken cancellationToken)
    {
        var tenantId = tenant.TenantId ?? throw new NotFoundException("Workspace");
        var schedule = await db.NamedSchedules.SingleOrDefaultAsync(s => s.Id == command.Id, cancellationToken) ?? throw new NotFoundException("Schedule");
        var now = clock.GetUtcNow();
        var onIt = await db.PersonScheduleSettings.Where(s => s.NamedScheduleId == command.Id).ToListAsync(cancellationToken);
        foreach (var settings in onIt)
        {
            settings.Change(null, settings.TargetPercent, settings.HolidayRegion, settings.TimeZoneId, now);
        }

        db.NamedSchedules.Remove(schedule);
        db.AuditEntries.Add(AuditEntry.Record(
            tenantId, currentUser.AsAuditActor(), now, "schedule.named.removed", schedule.Name, ScheduleText.Of(schedule.Week), $"{onIt.Count} people moved to their default hours"));
        await DirtyDays.MarkEveryDayOfAsync(db, [.. onIt.Select(s => s.PersonId)], now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
