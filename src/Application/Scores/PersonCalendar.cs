using NodaTime;
using WorkSights.Domain.Scores;

namespace WorkSights.Application.Scores;

/// <summary>One person's time zone and, for any local date, the schedule in force and whether it is an observed holiday.</summary>
public sealed class PersonCalendar(DateTimeZone zone, Func<LocalDate, WorkSchedule> scheduleOn, Func<LocalDate, bool> isHoliday)
{
    public DateTimeZone Zone { get; } = zone;

    public WorkSchedule ScheduleOn(LocalDate date) => scheduleOn(date);

    public bool IsHoliday(LocalDate date) => isHoliday(date);

    public ScoringDay DayOf(LocalDate date) => ScoringDays.Resolve(Zone, date, scheduleOn(date), isHoliday(date));

    /// <summary>The local date an instant falls on in this person's zone.</summary>
    public LocalDate DateOf(DateTimeOffset instant) => Instant.FromDateTimeOffset(instant).InZone(Zone).Date;
}
