using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using NodaTime;
using WorkSights.Application.Reporting.GetFindings;
using WorkSights.Application.Reporting.GetMyOverview;
using WorkSights.Application.Reporting.GetReportBar;
using WorkSights.Web.Infrastructure;
using WorkSights.Web.Pages.Shared.Reporting;

namespace WorkSights.Web.Pages.Overviews;

[OutputCache(PolicyName = ReportingPageCache.PolicyName)]
public sealed class MyModel(IMediator mediator) : PageModel
{
    public const int DefaultDays = 28;

    [FromQuery]
    public ReportQuery Query { get; set; } = new();

    public ReportBarDto Bar { get; private set; } = null!;

    public (LocalDate From, LocalDate To) Range { get; private set; }

    public MyOverviewDto View { get; private set; } = null!;

    public IReadOnlyList<FindingDto> Findings { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Bar = await mediator.Send(new GetReportBarQuery(), cancellationToken);
        Range = Query.RangeOr(Bar.Today, DefaultDays);
        View = await mediator.Send(new GetMyOverviewQuery(Range.From.ToDateOnly(), Range.To.ToDateOnly()), cancellationToken);
        Findings = await mediator.Send(new GetMyFindingsQuery(), cancellationToken);
    }
}
