using WorkSights.Domain.Common;
using WorkSights.Domain.Tenants;

namespace WorkSights.Domain.Schedules;

/// <summary>A plan for each weekday, Monday to Sunday.</summary>
public sealed record WeekPlan
{
    private static readonly DayOfWeek[] MondayFirst =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private readonly DayPlan[] days;

    public WeekPlan(IReadOnlyList<DayPlan> mondayToSunday)
    {
        ArgumentNullException.ThrowIfNull(mondayToSunday);
        if (mondayToSunday.Count != 7)
        {
            throw new DomainRuleViolationException("A week has seven days, Monday to Sunday.");
        }

        days = [.. mondayToSunday];
    }

    /// <summary>The weekdays in the order a week shows them, Monday first.</summary>
    public static IReadOnlyList<DayOfWeek> Weekdays => MondayFirst;

    /// <summary>Every day off: a vacation.</summary>
    public static WeekPlan AllOff { get; } = new([.. Enumerable.Repeat(DayPlan.Off, 7)]);

    public static WeekPlan From(WorkSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return new([.. MondayFirst.Select(day => schedule.IsWorkDay(day) ? DayPlan.Working(schedule.Start, schedule.End) : DayPlan.Off)]);
    }

    public DayPlan On(DayOfWeek day) => days[Array.IndexOf(MondayFirst, day)];

    public IReadOnlyList<DayPlan> MondayToSunday => days;

    public bool Equals(WeekPlan? other) => other is not null && days.SequenceEqual(other.days);

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    /// <summary>The stored form: the seven days' forms separated by commas, Monday first.</summary>
    public override string ToString() => string.Join(',', days.Select(d => d.ToString()));

    public static WeekPlan Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new([.. text.Split(',').Select(DayPlan.Parse)]);
    }
}
