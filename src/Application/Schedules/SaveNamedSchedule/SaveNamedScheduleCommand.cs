using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;
using WorkSights.Domain.Schedules;

namespace WorkSights.Application.Schedules.SaveNamedSchedule;

/// <summary>An Owner or Technical Admin adds a workspace schedule (no <paramref name="Id"/>) or changes one; answers its id.</summary>
[RequiresRole(PersonRole.Owner, PersonRole.TechnicalAdmin)]
public sealed record SaveNamedScheduleCommand(Guid? Id, string Name, WeekPlan Week) : ICommand<Guid>;
