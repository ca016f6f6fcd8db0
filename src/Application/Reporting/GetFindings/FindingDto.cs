using WorkSights.Domain.Observers;

namespace WorkSights.Application.Reporting.GetFindings;

/// <param name="Explanation">The rule, the days and the numbers, in plain words.</param>
public sealed record FindingDto(Guid PersonId, string PersonName, ObserverRule Rule, DateOnly From, DateOnly To, string Explanation);
