using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Schedules.GetPersonSchedule;

/// <summary>A person's schedule tab: what is set, what is in force this week and where each value comes from.</summary>
[RequiresRole(PersonRole.Owner, PersonRole.TechnicalAdmin, PersonRole.Executive, PersonRole.Manager, PersonRole.Member)]
public sealed record GetPersonScheduleQuery(Guid PersonId) : IQuery<PersonScheduleDto>;

/// <param name="ThisWeek">The hours in force each day of the current week, Monday first, in the person's zone.</param>
public sealed record PersonScheduleDto(
    Guid PersonId,
    string DisplayName,
    Guid? NamedScheduleId,
    int? TargetPercent,
    string? HolidayRegion,
    string? TimeZoneId,
    string EffectiveTimeZoneId,
    string TimeZoneSource,
    int EffectiveTargetPercent,
    string? EffectiveHolidayRegion,
    string HoursSource,
    IReadOnlyList<ScheduledDayDto> ThisWeek,
    IReadOnlyList<CustomScheduleDto> CustomSchedules,
    IReadOnlyList<NamedScheduleChoiceDto> NamedSchedules);

public sealed record ScheduledDayDto(DateOnly Date, string Hours, bool IsHoliday);

/// <param name="Days">Each weekday's stored form, Monday first: "regular", "off" or "09:00-17:00".</param>
public sealed record CustomScheduleDto(Guid Id, string Label, DateOnly From, DateOnly To, string Summary, IReadOnlyList<string> Days);
