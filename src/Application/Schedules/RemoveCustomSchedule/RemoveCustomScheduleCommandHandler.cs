using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Audit;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Schedules.AddCustomSchedule;
using WorkSights.Domain.Audit;

namespace WorkSights.Application.Schedules.RemoveCustomSchedule;

public sealed class RemoveCustomScheduleCommandHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RemoveCustomScheduleCommand>
{
    public async ValueTask<Unit> Handle(RemoveCustomScheduleCommand command, CancellationToken cancellationToken)
    {
        var schedule = await db.CustomSchedules.SingleOrDefaultAsync(c => c.Id == command.Id, cancellationToken) ?? throw new NotFoundException("Schedule");
        var person = await ScheduleEditors.PersonTheyMayEditAsync(db, currentUser, schedule.PersonId, cancellationToken);
        var now = clock.GetUtcNow();
        db.CustomSchedules.Remove(schedule);
        db.AuditEntries.Add(AuditEntry.Record(
            person.TenantId, currentUser.AsAuditActor(), now, "schedule.custom.removed", person.DisplayName, AddCustomScheduleCommandHandler.Describe(schedule), null));
        db.MarkDaysDirty(person.Id, schedule.From, schedule.To);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
