using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Audit;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Audit;
using WorkSights.Domain.Common;
using WorkSights.Domain.Schedules;

namespace WorkSights.Application.Schedules.AddCustomSchedule;

public sealed class AddCustomScheduleCommandHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<AddCustomScheduleCommand, Guid>
{
    public async ValueTask<Guid> Handle(AddCustomScheduleCommand command, CancellationToken cancellationToken)
    {
        var person = await ScheduleEditors.PersonTheyMayEditAsync(db, currentUser, command.PersonId, cancellationToken);
        var clash = await db.CustomSchedules
            .Where(c => c.PersonId == person.Id && c.From <= command.To && c.To >= command.From)
            .Select(c => new { c.Label, c.From, c.To })
            .FirstOrDefaultAsync(cancellationToken);
        if (clash is not null)
        {
            throw new DomainRuleViolationException($"These dates overlap \"{clash.Label}\" ({clash.From:d MMM yyyy} – {clash.To:d MMM yyyy}); change or remove that one first.");
        }

        var now = clock.GetUtcNow();
        var schedule = CustomSchedule.Create(person.TenantId, person.Id, command.Label, command.From, command.To, command.Week, now);
        db.CustomSchedules.Add(schedule);
        db.AuditEntries.Add(AuditEntry.Record(
            person.TenantId, currentUser.AsAuditActor(), now, "schedule.custom.added", person.DisplayName, null, Describe(schedule)));
        db.MarkDaysDirty(person.Id, schedule.From, schedule.To);
        await db.SaveChangesAsync(cancellationToken);
        return schedule.Id;
    }

    internal static string Describe(CustomSchedule schedule) =>
        $"{schedule.Label}, {schedule.From:yyyy-MM-dd} to {schedule.To:yyyy-MM-dd}: {ScheduleText.Of(schedule.Week)}";
}
