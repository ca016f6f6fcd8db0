using NodaTime;
using NodaTime.Extensions;
using WorkSights.Application.Scores;
using WorkSights.Domain.Schedules;

namespace WorkSights.Application.Schedules;

/// <summary>
/// Which schedule, zone, target and holidays are in force for a person: a custom schedule on its dates wins, then the
/// named schedule an admin or the person chose, then the working hours of their mailbox, then the workspace's default.
/// The zone and target follow the same order (an edit in WorkSights, the mailbox, the workspace).
/// </summary>
public static class CalendarRules
{
    private static readonly LocalTime OffDayStart = new(9, 0);
    private static readonly LocalTime OffDayEnd = new(17, 0);

    public static PersonCalendar Resolve(
        WorkspaceCalendarDefaults workspace,
        PersonScheduleSettings? settings,
        NamedSchedule? named,
        IReadOnlyList<CustomSchedule> customSchedules,
        ImportedWorkSettings? imported)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(customSchedules);
        var zone = (settings?.TimeZoneId is { } id ? DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) : null) ?? imported?.Zone ?? workspace.Zone;
        var target = settings?.TargetPercent ?? workspace.TargetPercent;
        var namedWeek = named?.Week;
        var region = settings?.HolidayRegion ?? workspace.DefaultRegion;
        var observesHolidays = region is not null && workspace.ObservedRegions.Contains(region);
        var custom = customSchedules.OrderByDescending(c => c.ChangedAt).Select(c => (Schedule: c, c.Week)).ToList();

        DayPlan Regular(LocalDate date)
        {
            var weekday = date.DayOfWeek.ToDayOfWeek();
            var workspaceDay = workspace.Week.On(weekday);
            if (namedWeek is not null)
            {
                var day = namedWeek.On(weekday);
                return day.Kind == DayPlanKind.Regular ? workspaceDay : day;
            }

            return imported?.Hours is { } hours ? FromMailbox(hours, date, zone) : workspaceDay;
        }

        WorkSchedule ScheduleOn(LocalDate date)
        {
            var onDate = date.ToDateOnly();
            var plan = custom.FirstOrDefault(c => c.Schedule.Covers(onDate)).Week?.On(date.DayOfWeek.ToDayOfWeek()) ?? DayPlan.Regular;
            if (plan.Kind == DayPlanKind.Regular)
            {
                plan = Regular(date);
            }

            return plan is { Kind: DayPlanKind.Hours, Start: { } start, End: { } end }
                ? new WorkSchedule(LocalTime.FromTimeOnly(start), LocalTime.FromTimeOnly(end), new HashSet<IsoDayOfWeek> { date.DayOfWeek }, target)
                : new WorkSchedule(OffDayStart, OffDayEnd, new HashSet<IsoDayOfWeek>(), target);
        }

        return new PersonCalendar(zone, ScheduleOn, date => observesHolidays && HolidayRegions.IsHoliday(region!, date.ToDateOnly()));
    }

    /// <summary>
    /// Outlook's hours are kept in the zone they were set in; on a date they are moved into the person's zone. Hours that
    /// would cross the person's midnight keep their local times instead, as no schedule spans two days.
    /// </summary>
    private static DayPlan FromMailbox(ImportedWorkingHours hours, LocalDate date, DateTimeZone personZone)
    {
        if (!hours.WorkDays.Contains(date.DayOfWeek) || hours.End <= hours.Start)
        {
            return DayPlan.Off;
        }

        var start = date.At(hours.Start).InZoneLeniently(hours.Zone).WithZone(personZone).LocalDateTime;
        var end = date.At(hours.End).InZoneLeniently(hours.Zone).WithZone(personZone).LocalDateTime;
        return start.Date == date && end.Date == date && end > start
            ? DayPlan.Working(start.TimeOfDay.ToTimeOnly(), end.TimeOfDay.ToTimeOnly())
            : DayPlan.Working(hours.Start.ToTimeOnly(), hours.End.ToTimeOnly());
    }
}
