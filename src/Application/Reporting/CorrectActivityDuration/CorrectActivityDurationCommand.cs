using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Reporting.CorrectActivityDuration;

/// <summary>Replaces one item's credited duration with a person's estimate, records who changed what, and recomputes the day.</summary>
[RequiresRole(PersonRole.Member, PersonRole.Manager, PersonRole.Executive, PersonRole.Owner)]
public sealed record CorrectActivityDurationCommand(Guid ActivityId, int Minutes) : ICommand<CorrectionResult>;

/// <summary>Whose item it was and the local dates recomputed.</summary>
public sealed record CorrectionResult(Guid PersonId, IReadOnlyList<DateOnly> Dates);
