namespace WorkSights.Domain.Scores;

/// <summary>
/// One component of a day: the credited time attributed to it (overlaps already given to one component only) and how
/// many scored items of it touched the day (an item crossing midnight counts on both days).
/// </summary>
public sealed record ComponentTotal(ScoreComponent Component, TimeSpan Time, int Count);
