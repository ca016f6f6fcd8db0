using NodaTime;
using WorkSights.Application.Common.Models;
using WorkSights.Domain.Scores;

namespace WorkSights.Application.Reporting.GetScoreReport;

/// <param name="Rows">The page asked for; one past the last is answered with the last.</param>
/// <param name="ShowsScores">False where the viewer may not see scores: every score and band is then null.</param>
/// <param name="ShowsPseudonyms">Privacy mode names everyone but the viewer by pseudonym.</param>
public sealed record ScoreReportDto(IReadOnlyList<DailyAverage> Days, LocalDate Day, PagedList<ScoreReportRow> Rows, bool ShowsScores, bool ShowsPseudonyms);

/// <param name="Role">The person's job title from the directory.</param>
/// <param name="Team">The person's department; null without one.</param>
public sealed record ScoreReportRow(
    Guid PersonId, string Name, string? Role, string? Team, bool IsWorkDay, int? Score, ScoreBand? Band, TimeSpan Credited, TimeSpan Target, string Summary);
