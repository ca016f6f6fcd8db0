using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Schedules.SaveDefaultSchedule;

/// <summary>An Owner changes the schedule, target and time zone of everyone who has none of their own.</summary>
[RequiresRole(PersonRole.Owner)]
public sealed record SaveDefaultScheduleCommand(
    IReadOnlyCollection<DayOfWeek> WorkDays, TimeOnly Start, TimeOnly End, int TargetPercent, string TimeZoneId) : ICommand;
