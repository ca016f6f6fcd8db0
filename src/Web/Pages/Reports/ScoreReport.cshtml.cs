using System.Globalization;
using System.Text;
using CsvHelper;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using NodaTime;
using WorkSights.Application.Reporting.GetReportBar;
using WorkSights.Application.Reporting.GetScoreReport;
using WorkSights.Web.Infrastructure;
using WorkSights.Web.Pages.Shared.Reporting;

namespace WorkSights.Web.Pages.Reports;

[OutputCache(PolicyName = ReportingPageCache.PolicyName)]
public sealed class ScoreReportModel(IMediator mediator) : PageModel
{
    public const int DefaultDays = 30;

    [BindProperty(SupportsGet = true)]
    public ReportQuery Query { get; set; } = new();

    [FromQuery(Name = "sort")]
    public string? SortBy { get; set; }

    [FromQuery(Name = "dir")]
    public string? Direction { get; set; }

    [FromQuery(Name = "page")]
    public string? PageNumber { get; set; }

    public ReportBarDto Bar { get; private set; } = null!;

    public (LocalDate From, LocalDate To) Range { get; private set; }

    public ScoreReportDto Report { get; private set; } = null!;

    public ScoreReportSort Sort { get; private set; }

    public bool Descending { get; private set; }

    /// <summary>The report's columns, as the table and the CSV file show them.</summary>
    public IReadOnlyList<string> Columns => Report.ShowsScores
        ? ["Name", "Role", "Team", "Score", "Band", "Hours", "Summary"]
        : ["Name", "Role", "Team", "Hours", "Summary"];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(ParsePage(), cancellationToken);

    /// <summary>Every person of the day with the view's filters and sort, not only the page on screen.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(null, cancellationToken);
        using var buffer = new MemoryStream();
        await using (var csv = CsvWriter.Create(buffer, CsvWriterOptions.Default with { Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteHeader(Columns.ToArray());
            foreach (var row in Report.Rows.Items)
            {
                csv.WriteRecord(Cells(row).ToArray());
            }
        }

        return File(buffer.ToArray(), "text/csv; charset=utf-8", $"score-report-{ReportQuery.Format(Report.Day)}.csv");
    }

    /// <summary>A row's cells in <see cref="Columns"/> order, as the page shows them.</summary>
    public IEnumerable<string> Cells(ScoreReportRow row)
    {
        yield return row.Name;
        yield return row.Role ?? string.Empty;
        yield return row.Team ?? string.Empty;
        if (Report.ShowsScores)
        {
            yield return row.Score?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
            yield return row.IsWorkDay && row.Band is { } band ? ReportLabels.Of(band) : ReportLabels.Of(Domain.Scores.ScoreBand.NonWorkDay);
        }

        yield return ReportLabels.Duration(row.Credited);
        yield return row.Summary;
    }

    /// <summary>The link to another page of people, keeping the view.</summary>
    public Dictionary<string, string> PageLink(int page)
    {
        var values = Links(("date", ReportQuery.Format(Report.Day)));
        if (page > 1)
        {
            values["page"] = page.ToString(CultureInfo.InvariantCulture);
        }

        return values;
    }

    /// <summary>The link of a column header: sorts by it, reversing the order when it is already the sort.</summary>
    public Dictionary<string, string> SortLink(ScoreReportSort column)
    {
        var values = Links(("date", ReportQuery.Format(Report.Day)));
        values["sort"] = column.ToString().ToLowerInvariant();
        values["dir"] = column == Sort && !Descending ? "desc" : "asc";
        return values;
    }

    /// <summary>The current view's address values (range, filters, sort) with some replaced.</summary>
    public Dictionary<string, string> Links(params (string Name, string? Value)[] changes)
    {
        var values = Query.With([("from", ReportQuery.Format(Range.From)), ("to", ReportQuery.Format(Range.To)), .. changes]);
        if (Sort != ScoreReportSort.Name || Descending)
        {
            values["sort"] = Sort.ToString().ToLowerInvariant();
            values["dir"] = Descending ? "desc" : "asc";
        }

        return values;
    }

    /// <param name="page">The page of people to show; null for every person.</param>
    private async Task LoadAsync(int? page, CancellationToken cancellationToken)
    {
        Bar = await mediator.Send(new GetReportBarQuery(Query.PersonId), cancellationToken);
        Range = Query.RangeOr(Bar.Today, DefaultDays);
        var day = string.IsNullOrWhiteSpace(Query.Date) ? Range.To : Query.DayOr(Bar.Today);
        (Sort, Descending) = ParseSort();
        var (number, size) = page is { } asked ? (asked, GetScoreReportQuery.DefaultPageSize) : (1, GetScoreReportQuery.EveryRow);
        Report = await mediator.Send(new GetScoreReportQuery(Range.From, Range.To, day, Query.ToFilter(Bar), Sort, Descending, number, size), cancellationToken);
        if (number > Report.Rows.Page)
        {
            Query.Problems.Add($"There is no page {number}; showing page {Report.Rows.Page}, the last.");
        }
    }

    private int ParsePage()
    {
        if (string.IsNullOrWhiteSpace(PageNumber))
        {
            return 1;
        }

        if (int.TryParse(PageNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 100_000)
        {
            return number;
        }

        Query.Problems.Add("The page number in the address is not a whole number from 1; showing the first page.");
        return 1;
    }

    private (ScoreReportSort, bool) ParseSort()
    {
        var sort = ScoreReportSort.Name;
        if (!string.IsNullOrWhiteSpace(SortBy)
            && !(Enum.TryParse(SortBy.Trim(), ignoreCase: true, out sort) && Enum.IsDefined(sort) && !SortBy.Any(char.IsDigit)))
        {
            Query.Problems.Add("The report cannot be sorted by that; it is sorted by name.");
            sort = ScoreReportSort.Name;
        }

        var descending = string.Equals(Direction?.Trim(), "desc", StringComparison.OrdinalIgnoreCase);
        return (sort, descending);
    }
}
