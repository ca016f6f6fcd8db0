using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Schedules.SavePersonSchedule;

/// <summary>
/// A person (for themself), an Owner or a Technical Admin sets a person's schedule, target, holiday region and time
/// zone; an empty value falls back to the mailbox's, then the workspace's.
/// </summary>
[RequiresRole(PersonRole.Owner, PersonRole.TechnicalAdmin, PersonRole.Executive, PersonRole.Manager, PersonRole.Member)]
public sealed record SavePersonScheduleCommand(Guid PersonId, Guid? NamedScheduleId, int? TargetPercent, string? HolidayRegion, string? TimeZoneId) : ICommand;
