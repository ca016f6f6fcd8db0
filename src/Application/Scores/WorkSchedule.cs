using NodaTime;

namespace WorkSights.Application.Scores;

/// <summary>The schedule in force on a day, in the person's local time: which weekdays are worked, from when to when, and the target.</summary>
/// <param name="Start">Local start of work; must be before <paramref name="End"/> on the same local day.</param>
/// <param name="End">Local end of work.</param>
/// <param name="WorkDays">The weekdays with these hours; every other weekday is a non-work day.</param>
/// <param name="TargetPercent">The share of the scheduled hours a person aims to be credited with.</param>
public sealed record WorkSchedule(LocalTime Start, LocalTime End, IReadOnlySet<IsoDayOfWeek> WorkDays, int TargetPercent);
