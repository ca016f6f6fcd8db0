using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Audit;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Scores;
using WorkSights.Domain.Audit;
using WorkSights.Domain.Common;
using WorkSights.Domain.Schedules;

namespace WorkSights.Application.Schedules.SaveNamedSchedule;

public sealed class SaveNamedScheduleCommandHandler(IApplicationDbContext db, ITenantContext tenant, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SaveNamedScheduleCommand, Guid>
{
    public async ValueTask<Guid> Handle(SaveNamedScheduleCommand command, CancellationToken cancellationToken)
    {
        var tenantId = tenant.TenantId ?? throw new NotFoundException("Workspace");
        var now = clock.GetUtcNow();
        var name = command.Name.Trim();
        if (await db.NamedSchedules.AnyAsync(s => s.Name == name && s.Id != command.Id, cancellationToken))
        {
            throw new DomainRuleViolationException($"A schedule called \"{name}\" exists already.");
        }

        if (command.Id is not { } id)
        {
            var created = NamedSchedule.Create(tenantId, name, command.Week, now);
            db.NamedSchedules.Add(created);
            db.AuditEntries.Add(AuditEntry.Record(tenantId, currentUser.AsAuditActor(), now, "schedule.named.added", created.Name, null, ScheduleText.Of(created.Week)));
            await db.SaveChangesAsync(cancellationToken);
            return created.Id;
        }

        var schedule = await db.NamedSchedules.SingleOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new NotFoundException("Schedule");
        var before = $"{schedule.Name}: {ScheduleText.Of(schedule.Week)}";
        schedule.Change(name, command.Week, now);
        var after = $"{schedule.Name}: {ScheduleText.Of(schedule.Week)}";
        if (before == after)
        {
            return schedule.Id;
        }

        db.AuditEntries.Add(AuditEntry.Record(tenantId, currentUser.AsAuditActor(), now, "schedule.named.changed", schedule.Name, before, after));
        var onIt = await db.PersonScheduleSettings.Where(s => s.NamedScheduleId == id).Select(s => s.PersonId).ToListAsync(cancellationToken);
        await DirtyDays.MarkEveryDayOfAsync(db, onIt, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return schedule.Id;
    }
}
