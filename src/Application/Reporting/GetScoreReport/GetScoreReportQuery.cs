using Mediator;
using NodaTime;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Reporting.GetScoreReport;

/// <summary>
/// Score Report: the daily average scores from <see cref="From"/> to <see cref="To"/> of the people the viewer sees
/// (filtered), and on <see cref="Day"/> each of them with role, team, score, hours and summary, sorted, a page at a
/// time (<see cref="EveryRow"/> as the page size: all of them, as the CSV export takes them).
/// </summary>
[RequiresRole(PersonRole.Member, PersonRole.Manager, PersonRole.Executive, PersonRole.Owner)]
public sealed record GetScoreReportQuery(
    LocalDate From,
    LocalDate To,
    LocalDate Day,
    ReportFilter Filter,
    ScoreReportSort Sort = ScoreReportSort.Name,
    bool Descending = false,
    int Page = 1,
    int PageSize = GetScoreReportQuery.DefaultPageSize) : IQuery<ScoreReportDto>
{
    public const int DefaultPageSize = 50;

    public const int EveryRow = int.MaxValue;
}
