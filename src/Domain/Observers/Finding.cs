namespace WorkSights.Domain.Observers;

/// <summary>One thing an observer noticed: the rule, the days it looked at and, in plain words, the numbers that triggered it.</summary>
public sealed record Finding(ObserverRule Rule, DateOnly From, DateOnly To, IReadOnlyList<DateOnly> Days, string Explanation);
