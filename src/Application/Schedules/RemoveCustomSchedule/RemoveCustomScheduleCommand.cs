using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Schedules.RemoveCustomSchedule;

/// <summary>Removes a person's custom schedule: their regular hours apply on its dates again.</summary>
[RequiresRole(PersonRole.Owner, PersonRole.TechnicalAdmin, PersonRole.Executive, PersonRole.Manager, PersonRole.Member)]
public sealed record RemoveCustomScheduleCommand(Guid Id) : ICommand;
