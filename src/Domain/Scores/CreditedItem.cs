namespace WorkSights.Domain.Scores;

/// <summary>One input item as the engine saw it on this day.</summary>
/// <param name="Activity">The item.</param>
/// <param name="Credited">The credited span inside the day, before overlaps are removed; null when it adds nothing
/// to this day (unscored, zero-length, or credited on the neighbouring day).</param>
/// <param name="Component">Where its time is counted; null for unscored items.</param>
/// <param name="Unscored">Why it is not scored, or <see cref="UnscoredReason.None"/>.</param>
public sealed record CreditedItem(ScoringActivity Activity, TimeInterval? Credited, ScoreComponent? Component, UnscoredReason Unscored);
