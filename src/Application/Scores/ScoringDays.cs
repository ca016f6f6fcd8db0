using NodaTime;
using NodaTime.TimeZones;
using WorkSights.Domain.Scores;

namespace WorkSights.Application.Scores;

/// <summary>Resolves a person's local day and schedule to the instants the score engine works with.</summary>
public static class ScoringDays
{
    /// <summary>The day for a time zone given by its IANA id (e.g. "Europe/London").</summary>
    /// <exception cref="ArgumentException">The id names no zone of the time zone database.</exception>
    public static ScoringDay Resolve(string timeZoneId, LocalDate date, WorkSchedule schedule, bool isHoliday)
    {
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZoneId)
            ?? throw new ArgumentException($"'{timeZoneId}' is not a time zone of the IANA database.", nameof(timeZoneId));
        return Resolve(zone, date, schedule, isHoliday);
    }

    /// <summary>
    /// The day runs from the local date's first instant to the next date's (23 or 25 hours on change days; in zones that
    /// skip midnight itself, from the first instant that exists). A schedule time the clocks skip moves forward by the
    /// gap (01:30 on a day London jumps from 01:00 to 02:00 is 02:30); a time they repeat is the earlier one. Scheduled
    /// hours are the real time between start and end, so a schedule spanning a change has one hour more or less; a
    /// schedule lying wholly in the skipped hour has no hours that day.
    /// </summary>
    /// <exception cref="ArgumentException">The schedule does not end after it starts, or its target is out of range.</exception>
    public static ScoringDay Resolve(DateTimeZone zone, LocalDate date, WorkSchedule schedule, bool isHoliday)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(schedule);
        if (schedule.End <= schedule.Start)
        {
            throw new ArgumentException("A schedule ends after it starts on the same local day.", nameof(schedule));
        }

        if (schedule.TargetPercent is < 1 or > ScoringDay.MaximumTargetPercent)
        {
            throw new ArgumentException($"A target percentage is between 1 and {ScoringDay.MaximumTargetPercent}.", nameof(schedule));
        }

        var start = zone.AtStartOfDay(date).ToDateTimeOffset();
        var end = zone.AtStartOfDay(date.PlusDays(1)).ToDateTimeOffset();
        var localDate = date.ToDateOnly();
        if (!schedule.WorkDays.Contains(date.DayOfWeek))
        {
            return new ScoringDay(localDate, start, end, null, null, isHoliday, schedule.TargetPercent, TimeSpan.Zero);
        }

        var workStart = date.At(schedule.Start).InZone(zone, Resolvers.LenientResolver).ToDateTimeOffset();
        var workEnd = date.At(schedule.End).InZone(zone, Resolvers.LenientResolver).ToDateTimeOffset();
        return workEnd > workStart
            ? new ScoringDay(localDate, start, end, workStart, workEnd, isHoliday, schedule.TargetPercent, workEnd - workStart)
            : new ScoringDay(localDate, start, end, null, null, isHoliday, schedule.TargetPercent, TimeSpan.Zero);
    }
}
