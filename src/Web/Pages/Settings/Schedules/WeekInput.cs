using WorkSights.Domain.Schedules;

namespace WorkSights.Web.Pages.Settings.Schedules;

/// <summary>A week as a form edits it: for each weekday, Monday first, the regular hours, hours of its own, or off.</summary>
public sealed class WeekInput
{
    public List<DayInput> Days { get; set; } = [.. WeekPlan.Weekdays.Select(_ => new DayInput())];

    public static WeekInput Of(IReadOnlyList<string> storedDays) =>
        new() { Days = [.. storedDays.Select(DayPlan.Parse).Select(DayInput.Of)] };

    public static WeekInput Of(WeekPlan week) => new() { Days = [.. week.MondayToSunday.Select(DayInput.Of)] };

    /// <exception cref="Domain.Common.DomainRuleViolationException">A day's hours do not end after they start.</exception>
    public WeekPlan ToWeek() => new([.. Days.Select(d => d.ToPlan())]);

    public sealed class DayInput
    {
        public DayPlanKind Kind { get; set; }

        public TimeOnly? Start { get; set; }

        public TimeOnly? End { get; set; }

        public static DayInput Of(DayPlan plan) => new() { Kind = plan.Kind, Start = plan.Start, End = plan.End };

        public DayPlan ToPlan() => Kind switch
        {
            DayPlanKind.Hours when Start is { } start && End is { } end => DayPlan.Working(start, end),
            DayPlanKind.Hours => throw new Domain.Common.DomainRuleViolationException("Give a start and an end for each day with hours of its own."),
            DayPlanKind.Off => DayPlan.Off,
            _ => DayPlan.Regular,
        };
    }
}
