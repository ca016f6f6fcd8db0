using WorkSights.Domain.Schedules;

namespace WorkSights.Application.Schedules;

public static class NamedScheduleOrder
{
    /// <summary>The order every list of named schedules shows: by name as people read names, case aside.</summary>
    public static IOrderedEnumerable<NamedSchedule> ByName(this IEnumerable<NamedSchedule> schedules) =>
        schedules.OrderBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase);
}
