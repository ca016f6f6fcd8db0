using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Schedules.GetWorkspaceSchedules;

/// <summary>The workspace's default schedule, its named schedules and the holidays it observes, for the Account View.</summary>
[RequiresRole(PersonRole.Owner, PersonRole.TechnicalAdmin)]
public sealed record GetWorkspaceSchedulesQuery : IQuery<WorkspaceSchedulesDto>;

public sealed record WorkspaceSchedulesDto(
    IReadOnlyList<DayOfWeek> WorkDays,
    TimeOnly Start,
    TimeOnly End,
    int TargetPercent,
    string TimeZoneId,
    IReadOnlyList<NamedScheduleDto> NamedSchedules,
    IReadOnlyList<string> ObservedRegions,
    string? DefaultRegion,
    IReadOnlyList<UpcomingHolidayDto> UpcomingHolidays);

/// <param name="Days">Each weekday's stored form, Monday first: "regular", "off" or "09:00-17:00".</param>
public sealed record NamedScheduleDto(Guid Id, string Name, string Summary, IReadOnlyList<string> Days, int People);

public sealed record UpcomingHolidayDto(DateOnly Date, string Region, string Name);
