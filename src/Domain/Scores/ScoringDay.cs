using WorkSights.Domain.Common;

namespace WorkSights.Domain.Scores;

/// <summary>
/// One person's local day, already resolved to instants in their time zone: the day's bounds (23, 24 or 25 hours
/// long on daylight-saving change days), the schedule's hours that day (none on a non-work day) and the target.
/// </summary>
public sealed record ScoringDay
{
    /// <summary>A target above 300 % would ask for more than a day's hours from an 8-hour schedule.</summary>
    public const int MaximumTargetPercent = 300;

    public ScoringDay(
        DateOnly localDate,
        DateTimeOffset start,
        DateTimeOffset end,
        DateTimeOffset? workStart,
        DateTimeOffset? workEnd,
        bool isHoliday,
        int targetPercent,
        TimeSpan scheduledHours)
    {
        if (end <= start || end - start > TimeSpan.FromHours(26))
        {
            throw new DomainRuleViolationException("A local day ends after it starts and lasts at most 26 hours.");
        }

        if (workStart.HasValue != workEnd.HasValue)
        {
            throw new DomainRuleViolationException("Work hours need both a start and an end, or neither.");
        }

        if (workStart is { } from && workEnd is { } to && (to <= from || from < start || to > end))
        {
            throw new DomainRuleViolationException("Work hours start before they end, inside the local day.");
        }

        if (targetPercent is < 1 or > MaximumTargetPercent)
        {
            throw new DomainRuleViolationException($"A target percentage is between 1 and {MaximumTargetPercent}.");
        }

        if (scheduledHours < TimeSpan.Zero || scheduledHours > end - start)
        {
            throw new DomainRuleViolationException("Scheduled hours are between zero and the day's length.");
        }

        LocalDate = localDate;
        Bounds = new TimeInterval(start, end);
        WorkHours = workStart is { } s && workEnd is { } e ? new TimeInterval(s, e) : null;
        IsHoliday = isHoliday;
        TargetPercent = targetPercent;
        ScheduledHours = scheduledHours;
    }

    public DateOnly LocalDate { get; }

    /// <summary>From local midnight to the next local midnight.</summary>
    public TimeInterval Bounds { get; }

    /// <summary>The schedule's hours that day; null on a day the schedule has no hours.</summary>
    public TimeInterval? WorkHours { get; }

    public bool IsHoliday { get; }

    public int TargetPercent { get; }

    public TimeSpan ScheduledHours { get; }

    public TimeSpan Length => Bounds.Length;

    /// <summary>A work day has scheduled hours and is not an observed holiday.</summary>
    public bool IsWorkDay => !IsHoliday && WorkHours is not null && ScheduledHours > TimeSpan.Zero;

    /// <summary>Scheduled hours × target %, zero on a non-work day.</summary>
    public TimeSpan DailyTarget => IsWorkDay ? ScheduledHours * TargetPercent / 100 : TimeSpan.Zero;
}
