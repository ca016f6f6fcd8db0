using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Audit;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Scores;
using WorkSights.Domain.Audit;
using WorkSights.Domain.Schedules;

namespace WorkSights.Application.Schedules.SavePersonSchedule;

public sealed class SavePersonScheduleCommandHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SavePersonScheduleCommand>
{
    public async ValueTask<Unit> Handle(SavePersonScheduleCommand command, CancellationToken cancellationToken)
    {
        var person = await ScheduleEditors.PersonTheyMayEditAsync(db, currentUser, command.PersonId, cancellationToken);
        if (command.NamedScheduleId is { } scheduleId && !await db.NamedSchedules.AnyAsync(s => s.Id == scheduleId, cancellationToken))
        {
            throw new NotFoundException("Schedule");
        }

        var now = clock.GetUtcNow();
        var settings = await db.PersonScheduleSettings.SingleOrDefaultAsync(s => s.PersonId == person.Id, cancellationToken);
        var before = settings?.ToString() ?? PersonScheduleSettings.For(person.TenantId, person.Id).ToString();
        if (settings is null)
        {
            settings = PersonScheduleSettings.For(person.TenantId, person.Id);
            db.PersonScheduleSettings.Add(settings);
        }

        settings.Change(command.NamedScheduleId, command.TargetPercent, command.HolidayRegion, command.TimeZoneId, now);
        if (settings.ToString() == before)
        {
            return Unit.Value;
        }

        db.AuditEntries.Add(AuditEntry.Record(person.TenantId, currentUser.AsAuditActor(), now, "schedule.person.changed", person.DisplayName, before, settings.ToString()));
        await DirtyDays.MarkEveryDayAsync(db, person.Id, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
