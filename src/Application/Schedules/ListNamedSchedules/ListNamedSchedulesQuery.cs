using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Schedules.ListNamedSchedules;

/// <summary>The workspace's named schedules to choose from, by name: what a bulk schedule change offers.</summary>
[RequiresRole(PersonRole.Owner, PersonRole.TechnicalAdmin)]
public sealed record ListNamedSchedulesQuery : IQuery<IReadOnlyList<NamedScheduleChoiceDto>>;
