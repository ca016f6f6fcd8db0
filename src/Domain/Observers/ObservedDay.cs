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

    public static ObservedDay Of(PersonDay day)
    {
        ArgumentNullException.ThrowIfNull(day);
        return new ObservedDay(
            day.Date, day.IsWorkDay, day.Score, day.Band, day.Credited, day.AfterHours, day.InternalMeetings + day.ExternalMeetings, day.LongestFocus);
    }
}
