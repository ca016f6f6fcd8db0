using Microsoft.EntityFrameworkCore;
using NodaTime;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Schedules;
using StandardSchedules = WorkSights.Domain.Tenants.WorkSchedule;

namespace WorkSights.Application.Schedules;

/// <summary>What applies to everyone in a workspace who has nothing of their own: zone, week, target and holidays.</summary>
/// <param name="Week">Concrete hours or days off for each weekday (no "regular" days).</param>
/// <param name="ObservedRegions">The regions whose holidays the workspace observes.</param>
/// <param name="DefaultRegion">The region of people without one of their own; none means they take no holidays.</param>
public sealed record WorkspaceCalendarDefaults(
    DateTimeZone Zone, WeekPlan Week, int TargetPercent, IReadOnlySet<string> ObservedRegions, string? DefaultRegion)
{
    private const int FallbackTargetPercent = 80;

    /// <summary>
    /// The current workspace's defaults. One that has not finished set-up works Monday to Friday, 09:00–17:00 UTC at
    /// 80 %; one that chose no holiday regions observes its company country's.
    /// </summary>
    public static async Task<WorkspaceCalendarDefaults> LoadAsync(IApplicationDbContext db, ITenantContext tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(tenant);
        var details = (await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tenant.TenantId, cancellationToken))?.Details;
        var holidays = await db.HolidayObservances.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        var zone = details is null ? DateTimeZone.Utc : DateTimeZoneProviders.Tzdb.GetZoneOrNull(details.TimeZoneId) ?? DateTimeZone.Utc;
        var week = WeekPlan.From(details?.DefaultSchedule ?? StandardSchedules.StandardWeek);
        var country = details?.CountryCode is { } code && HolidayRegions.IsKnown(code) ? code : null;
        var observed = holidays?.ObservedRegions ?? (country is null ? new HashSet<string>() : new HashSet<string> { country });
        var defaultRegion = holidays is null ? country : holidays.DefaultRegion;
        return new WorkspaceCalendarDefaults(zone, week, details?.DefaultTargetPercent ?? FallbackTargetPercent, observed, defaultRegion);
    }
}
