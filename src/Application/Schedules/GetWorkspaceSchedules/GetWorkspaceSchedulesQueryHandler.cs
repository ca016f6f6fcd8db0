using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Schedules.GetWorkspaceSchedules;

public sealed class GetWorkspaceSchedulesQueryHandler(IApplicationDbContext db, ITenantContext tenant, TimeProvider clock)
    : IQueryHandler<GetWorkspaceSchedulesQuery, WorkspaceSchedulesDto>
{
    private const int UpcomingDays = 120;

    public async ValueTask<WorkspaceSchedulesDto> Handle(GetWorkspaceSchedulesQuery query, CancellationToken cancellationToken)
    {
        var workspace = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenant.TenantId, cancellationToken) ?? throw new NotFoundException("Workspace");
        var details = workspace.Details;
        var schedule = details?.DefaultSchedule ?? WorkSchedule.StandardWeek;
        var people = await db.PersonScheduleSettings.AsNoTracking().Where(s => s.NamedScheduleId != null)
            .GroupBy(s => s.NamedScheduleId).Select(g => new { Id = g.Key!.Value, Count = g.Count() })
            .ToDictionaryAsync(g => g.Id, g => g.Count, cancellationToken);
        var named = (await db.NamedSchedules.AsNoTracking().ToListAsync(cancellationToken))
            .ByName()
            .Select(s => new NamedScheduleDto(s.Id, s.Name, ScheduleText.Of(s.Week), [.. s.Week.MondayToSunday.Select(d => d.ToString())], people.GetValueOrDefault(s.Id)))
            .ToList();
        var defaults = await WorkspaceCalendarDefaults.LoadAsync(db, tenant, cancellationToken);
        var observed = defaults.ObservedRegions.Order(StringComparer.Ordinal).ToList();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var upcoming = observed
            .SelectMany(region => new[] { today.Year, today.Year + 1 }.SelectMany(year => HolidayRegions.Of(region, year)).Select(h => new UpcomingHolidayDto(h.Date, region, h.Name)))
            .Where(h => h.Date >= today && h.Date.DayNumber - today.DayNumber <= UpcomingDays)
            .OrderBy(h => h.Date).ThenBy(h => h.Region, StringComparer.Ordinal)
            .ToList();
        return new WorkspaceSchedulesDto(
            schedule.WorkDays, schedule.Start, schedule.End, details?.DefaultTargetPercent ?? 80, details?.TimeZoneId ?? "UTC", named, observed, defaults.DefaultRegion, upcoming);
    }
}
