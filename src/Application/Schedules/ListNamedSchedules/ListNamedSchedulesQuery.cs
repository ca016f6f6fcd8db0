using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Schedules.ListNamedSchedules;

/// <summary>The workspace's named schedules to choose from, by name: what a bulk schedule change offers.</summary>
[RequiresRole(PersonRole.Owner, PersonRole.TechnicalAdmin)]
public sealed record ListNamedSchedulesQuery : IQuery<IReadOnlyList<NamedScheduleChoiceDto>>;

/// <param name="Summary">The week in words, e.g. "Mon–Thu 08:00–18:00".</param>
public sealed record NamedScheduleChoiceDto(Guid Id, string Name, string Summary);
