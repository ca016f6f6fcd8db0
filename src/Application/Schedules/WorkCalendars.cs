using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Scores;

namespace WorkSights.Application.Schedules;

/// <summary>Each person's calendar from the workspace's schedules, in the order <see cref="CalendarRules"/> gives.</summary>
public sealed class WorkCalendars(IApplicationDbContext db, ITenantContext tenant, IImportedWorkSettings imported) : IWorkCalendars
{
    public async Task<IReadOnlyDictionary<Guid, PersonCalendar>> ForPeopleAsync(
        IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken)
    {
        var known = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        if (known.Count == 0)
        {
            return new Dictionary<Guid, PersonCalendar>();
        }

        var workspace = await WorkspaceCalendarDefaults.LoadAsync(db, tenant, cancellationToken);
        var settings = await db.PersonScheduleSettings.AsNoTracking().Where(s => known.Contains(s.PersonId)).ToDictionaryAsync(s => s.PersonId, cancellationToken);
        var named = settings.Values.Any(s => s.NamedScheduleId is not null)
            ? await db.NamedSchedules.AsNoTracking().ToDictionaryAsync(s => s.Id, cancellationToken)
            : [];
        var custom = (await db.CustomSchedules.AsNoTracking().Where(c => known.Contains(c.PersonId)).ToListAsync(cancellationToken))
            .ToLookup(c => c.PersonId);
        var mailbox = await imported.ForPeopleAsync(known, cancellationToken);
        return known.ToDictionary(
            id => id,
            id =>
            {
                var own = settings.GetValueOrDefault(id);
                var schedule = own?.NamedScheduleId is { } scheduleId ? named.GetValueOrDefault(scheduleId) : null;
                return CalendarRules.Resolve(workspace, own, schedule, [.. custom[id]], mailbox.GetValueOrDefault(id));
            });
    }
}
