using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using NodaTime;
using WorkSights.Application.Reporting;
using WorkSights.Application.Reporting.GetDashboard;
using WorkSights.Application.Reporting.GetReportBar;
using WorkSights.Web.Infrastructure;
using WorkSights.Web.Pages.Shared.Reporting;

namespace WorkSights.Web.Pages;

[OutputCache(PolicyName = ReportingPageCache.PolicyName)]
public sealed class DashboardModel(IMediator mediator) : PageModel
{
    [FromQuery]
    public ReportQuery Query { get; set; } = new();

    [FromQuery(Name = "sort")]
    public string? Sort { get; set; }

    [FromQuery(Name = "page")]
    public string? PageNumber { get; set; }

    public ReportBarDto Bar { get; private set; } = null!;

    public LocalDate Day { get; private set; }

    public DashboardDto View { get; private set; } = null!;

    public ReportFilter Filter { get; private set; } = ReportFilter.None;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Bar = await mediator.Send(new GetReportBarQuery(Query.PersonId), cancellationToken);
        Day = Query.DayOr(Bar.Today);
        Filter = Query.ToFilter(Bar);
        var sort = Sort?.Trim().ToLowerInvariant() switch
        {
            null or "" or "name" => DashboardSort.Name,
            "score" => DashboardSort.Score,
            _ => Problem(DashboardSort.Name, "The sort in the address is not one WorkSights knows; sorted by name."),
        };
        var page = string.IsNullOrWhiteSpace(PageNumber) ? 1
            : int.TryParse(PageNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 100_000 ? number
            : Problem(1, "The page number in the address is not a whole number from 1; showing the first page.");

        View = await mediator.Send(new GetDashboardQuery(Day.ToDateOnly(), Filter, sort, page), cancellationToken);
        if (page > View.Rows.PageCount)
        {
            Query.Problems.Add($"There is no page {page}; showing page {View.Rows.PageCount}, the last.");
            View = await mediator.Send(new GetDashboardQuery(Day.ToDateOnly(), Filter, sort, View.Rows.PageCount), cancellationToken);
        }
    }

    /// <summary>Link values that keep the view and change the sort or page.</summary>
    public Dictionary<string, string> LinkWith(string? sort = null, int? page = null)
    {
        var values = Query.With(("date", ReportQuery.Format(Day)));
        var chosenSort = sort ?? (View.Sort == DashboardSort.Score ? "score" : null);
        if (chosenSort is not null && chosenSort != "name")
        {
            values["sort"] = chosenSort;
        }

        if (page is > 1)
        {
            values["page"] = page.Value.ToString(CultureInfo.InvariantCulture);
        }

        return values;
    }

    private T Problem<T>(T fallback, string message)
    {
        Query.Problems.Add(message);
        return fallback;
    }
}
