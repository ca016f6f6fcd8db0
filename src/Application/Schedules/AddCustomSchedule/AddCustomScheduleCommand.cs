using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;
using WorkSights.Domain.Schedules;

namespace WorkSights.Application.Schedules.AddCustomSchedule;

/// <summary>A person (for themself), an Owner or a Technical Admin gives a person a schedule for a range of dates; answers its id.</summary>
[RequiresRole(PersonRole.Owner, PersonRole.TechnicalAdmin, PersonRole.Executive, PersonRole.Manager, PersonRole.Member)]
public sealed record AddCustomScheduleCommand(Guid PersonId, string Label, DateOnly From, DateOnly To, WeekPlan Week) : ICommand<Guid>;
