using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using WorkSights.Application.Reporting.GetExecutiveOverview;
using WorkSights.Application.Reporting.GetFindings;
using WorkSights.Application.Reporting.GetReportBar;
using WorkSights.Domain.Activities;
using WorkSights.Web.Infrastructure;
using WorkSights.Web.Pages.Shared.Reporting;

namespace WorkSights.Web.Pages.Overviews;

[OutputCache(PolicyName = ReportingPageCache.PolicyName)]
public sealed class ExecutiveModel(IMediator mediator) : PageModel
{
    /// <summary>The findings listed before "show all" is needed.</summary>
    public const int FindingsShown = 30;

    [BindProperty(SupportsGet = true)]
    public ReportQuery Query { get; set; } = new();

    public ReportBarDto Bar { get; private set; } = null!;

    public ExecutiveOverviewDto Overview { get; private set; } = null!;

    public IReadOnlyList<FindingDto> Findings { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Bar = await mediator.Send(new GetReportBarQuery(Query.PersonId), cancellationToken);
        var day = Query.DayOr(Bar.Today);
        var filter = Query.ToFilter(Bar);
        Overview = await mediator.Send(new GetExecutiveOverviewQuery(day, filter), cancellationToken);
        Findings = await mediator.Send(new GetTeamFindingsQuery(filter), cancellationToken);
    }
}
