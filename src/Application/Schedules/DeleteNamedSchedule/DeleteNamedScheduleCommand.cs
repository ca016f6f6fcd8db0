using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Schedules.DeleteNamedSchedule;

/// <summary>An Owner or Technical Admin removes a workspace schedule; the people on it go back to their default hours.</summary>
[RequiresRole(PersonRole.Owner, PersonRole.TechnicalAdmin)]
public sealed record DeleteNamedScheduleCommand(Guid Id) : ICommand;
