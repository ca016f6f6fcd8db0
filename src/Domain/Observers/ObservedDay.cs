using WorkSights.Domain.Scores;

namespace WorkSights.Domain.Observers;

/// <summary>What the observers read of one person-day; <see cref="Score"/> is null on a non-work day.</summary>
public sealed record ObservedDay(
    DateOnly Date,
    bool IsWorkDay,
    int? Score,
    ScoreBand Band,
    TimeSpan Credited,
    TimeSpan AfterHours,
    TimeSpan Meetings,
    TimeSpan LongestFocus)
{
    public bool IsScoredWorkDay => IsWorkDay && Score is not null;
}
