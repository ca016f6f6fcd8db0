using WorkSights.Domain.Scores;

namespace WorkSights.Application.Reporting.GetMyOverview;

/// <param name="Days">Every date of the range, oldest first, with or without a result.</param>
/// <param name="ThisPeriod">The range's work days in a few figures; null without a computed work day.</param>
/// <param name="PeriodBefore">The same figures for as many days just before the range: the person's own history to compare with.</param>
public sealed record MyOverviewDto(
    Guid PersonId,
    string Name,
    bool SeesScores,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<OverviewDay> Days,
    TimeSpan Credited,
    PeriodFigures? ThisPeriod,
    PeriodFigures? PeriodBefore)
{
    /// <summary>The mean score of the range's work days; null without one or when scores are hidden.</summary>
    public int? AverageScore => ThisPeriod?.AverageScore;
}

/// <param name="HasResult">The day has been computed.</param>
/// <param name="Score">Null on a non-work day, without a result, or when scores are hidden.</param>
/// <param name="Band">Null without a result or when scores are hidden.</param>
public sealed record OverviewDay(DateOnly Date, bool HasResult, bool IsWorkDay, TimeSpan Credited, TimeSpan DailyTarget, int? Score, ScoreBand? Band, string? Summary);
