namespace WorkSights.Application.Reporting.GetScoreReport;

public enum ScoreReportSort
{
    Name = 0,
    Role = 1,
    Team = 2,
    Score = 3,
    Hours = 4,
}
