using System.Globalization;
using WorkSights.Domain.Schedules;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Schedules;

/// <summary>Schedules in the words pages and the audit log show: "Mon–Fri 09:00–17:00", "Mon 08:00–16:00, Tue off, …".</summary>
public static class ScheduleText
{
    public static string Of(WorkSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return Of(WeekPlan.From(schedule));
    }

    public static string Of(WeekPlan week)
    {
        ArgumentNullException.ThrowIfNull(week);
        var runs = new List<string>();
        var days = WeekPlan.Weekdays;
        for (var i = 0; i < days.Count;)
        {
            var plan = week.On(days[i]);
            var j = i;
            while (j + 1 < days.Count && week.On(days[j + 1]) == plan)
            {
                j++;
            }

            var span = i == j ? Short(days[i]) : $"{Short(days[i])}–{Short(days[j])}";
            runs.Add($"{span} {Of(plan)}");
            i = j + 1;
        }

        return string.Join(", ", runs);
    }

    public static string Of(DayPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Kind switch
        {
            DayPlanKind.Hours => string.Create(CultureInfo.InvariantCulture, $"{plan.Start:HH\\:mm}–{plan.End:HH\\:mm}"),
            DayPlanKind.Off => "off",
            _ => "usual hours",
        };
    }

    public static string Short(DayOfWeek day) => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(day);
}
