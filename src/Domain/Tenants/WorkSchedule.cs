using WorkSights.Domain.Common;

namespace WorkSights.Domain.Tenants;

/// <summary>A weekly schedule: which days are work days and the working hours on each of them.</summary>
public sealed record WorkSchedule
{
    public static readonly WorkSchedule StandardWeek = new(
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        new TimeOnly(9, 0),
        new TimeOnly(17, 0));

    public WorkSchedule(IReadOnlyCollection<DayOfWeek> workDays, TimeOnly start, TimeOnly end)
    {
        if (workDays.Count == 0)
        {
            throw new DomainRuleViolationException("A schedule needs at least one work day.");
        }

        if (end <= start)
        {
            throw new DomainRuleViolationException("A schedule's end time must be after its start time.");
        }

        WorkDays = workDays.Distinct().Order().ToArray();
        Start = start;
        End = end;
    }

    public IReadOnlyList<DayOfWeek> WorkDays { get; }

    public TimeOnly Start { get; }

    public TimeOnly End { get; }

    public TimeSpan DailyHours => End - Start;

    public bool IsWorkDay(DayOfWeek day) => WorkDays.Contains(day);
}
