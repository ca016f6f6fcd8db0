using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using WorkSights.Application.Reporting;
using WorkSights.Application.Reporting.GetScoreReport;
using WorkSights.Domain.Scores;
using WorkSights.Web.Authentication;

namespace WorkSights.Web.Endpoints;

/// <summary>
/// /api/v1/reports: Score Report for the page's roles (Owner, Executive) and for API keys that read reports (as an
/// Executive reads it: everyone), with its scope, score visibility and privacy mode (pseudonyms, withheld small groups).
/// </summary>
internal static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder routes)
    {
        var reports = routes.MapGroup("/api/v1/reports").RequireAuthorization(Policies.ScoreReportRead);
        reports.MapGet("/scores", GetScoresAsync);
        return routes;
    }

    /// <param name="from">First date of the daily averages (ISO date); default 29 days before <paramref name="to"/>.</param>
    /// <param name="to">Last date of the daily averages; default <paramref name="day"/>.</param>
    /// <param name="day">The date whose people are listed; default today in UTC.</param>
    /// <param name="role">Only people with this job title, as the directory (or WorkSights) names it.</param>
    private static async Task<Results<Ok<ScoreReportResponse>, ValidationProblem>> GetScoresAsync(
        IMediator mediator,
        TimeProvider clock,
        DateOnly? day,
        DateOnly? from,
        DateOnly? to,
        string? team,
        Guid? manager,
        string? role,
        int? page,
        int? pageSize,
        CancellationToken cancellationToken)
    {
        var size = pageSize ?? GetScoreReportQuery.DefaultPageSize;
        if (size is < 1 or > MaximumPageSize || page is < 1)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["page"] = [$"Pages start at 1 and hold between 1 and {MaximumPageSize} people."],
            });
        }

        var shownDay = LocalDate.FromDateOnly(day ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var last = to is { } end ? LocalDate.FromDateOnly(end) : shownDay;
        var first = from is { } start ? LocalDate.FromDateOnly(start) : last.PlusDays(-29);
        var filter = new ReportFilter(string.IsNullOrWhiteSpace(team) ? null : team.Trim(), manager, JobTitle: string.IsNullOrWhiteSpace(role) ? null : role.Trim());
        var report = await mediator.Send(new GetScoreReportQuery(first, last, shownDay, filter, Page: page ?? 1, PageSize: size), cancellationToken);
        return TypedResults.Ok(ScoreReportResponse.Of(first, last, report));
    }

    private const int MaximumPageSize = 500;
}

/// <param name="Days">Each date's average over the people's work days; score null where the caller may not see scores.</param>
/// <param name="People">The people of <paramref name="Day"/>, by name (a pseudonym under privacy mode), a page at a time.</param>
internal sealed record ScoreReportResponse(
    DateOnly From, DateOnly To, DateOnly Day, IReadOnlyList<DailyAverageResponse> Days, IReadOnlyList<PersonDayResponse> People, int Page, int PageCount, int TotalPeople)
{
    public static ScoreReportResponse Of(LocalDate from, LocalDate to, ScoreReportDto report) => new(
        from.ToDateOnly(),
        to.ToDateOnly(),
        report.Day.ToDateOnly(),
        report.Days.Select(d => new DailyAverageResponse(d.Date.ToDateOnly(), d.People, d.WorkDays, d.AverageScore, d.Band, Math.Round(d.AverageCredited.TotalMinutes, 1))).ToList(),
        report.Rows.Items.Select(r => new PersonDayResponse(
            report.ShowsPseudonyms ? null : r.PersonId, r.Name, r.Role, r.Team, r.IsWorkDay, r.Score, r.Band, Math.Round(r.Credited.TotalMinutes, 1), Math.Round(r.Target.TotalMinutes, 1), r.Summary)).ToList(),
        report.Rows.Page,
        report.Rows.PageCount,
        report.Rows.TotalCount);
}

internal sealed record DailyAverageResponse(DateOnly Date, int People, int WorkDays, int? AverageScore, ScoreBand? Band, double AverageCreditedMinutes);

/// <param name="PersonId">Null under privacy mode, where the id would link the pseudonym back to the person.</param>
/// <param name="Name">The person's name, or under privacy mode their pseudonym.</param>
internal sealed record PersonDayResponse(
    Guid? PersonId, string Name, string? Role, string? Team, bool WorkDay, int? Score, ScoreBand? Band, double CreditedMinutes, double TargetMinutes, string Summary);
