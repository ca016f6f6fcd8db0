using NodaTime;
using WorkSights.Domain.Scores;

namespace WorkSights.Application.Reporting;

/// <summary>One date of a group's scores: the mean of its work days' scores (null when none, or when the viewer may not see scores).</summary>
public sealed record DailyAverage(LocalDate Date, int People, int WorkDays, int? AverageScore, TimeSpan AverageCredited)
{
    public ScoreBand? Band => AverageScore is { } score ? ScoreBands.Of(score) : null;
}
