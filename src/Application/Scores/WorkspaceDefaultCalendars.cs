using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Extensions;
using WorkSights.Application.Common.Interfaces;

namespace WorkSights.Application.Scores;

/// <summary>
/// Everyone on the workspace's default schedule, target and time zone (from the account set-up), without holidays;
/// a workspace that has not finished set-up works Monday to Friday, 09:00–17:00 UTC at 80 %.
/// </summary>
public sealed class WorkspaceDefaultCalendars(IApplicationDbContext db, ITenantContext tenant) : IWorkCalendars
{
    private static readonly WorkSchedule Fallback = new(
        new LocalTime(9, 0),
        new LocalTime(17, 0),
        new HashSet<IsoDayOfWeek> { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday },
        80);

    public async Task<IReadOnlyDictionary<Guid, PersonCalendar>> ForPeopleAsync(
        IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken)
    {
        var workspace = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tenant.TenantId, cancellationToken);
        var details = workspace?.Details;
        var zone = details is null ? DateTimeZone.Utc : DateTimeZoneProviders.Tzdb.GetZoneOrNull(details.TimeZoneId) ?? DateTimeZone.Utc;
        var schedule = details is null
            ? Fallback
            : new WorkSchedule(
                LocalTime.FromTimeOnly(details.DefaultSchedule.Start),
                LocalTime.FromTimeOnly(details.DefaultSchedule.End),
                details.DefaultSchedule.WorkDays.Select(day => day.ToIsoDayOfWeek()).ToHashSet(),
                details.DefaultTargetPercent);
        var calendar = new PersonCalendar(zone, _ => schedule, _ => false);
        var known = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        return known.ToDictionary(id => id, _ => calendar);
    }
}
