using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using WorkSights.Application.Reporting.GetMapPlaces;
using WorkSights.Application.Reporting.GetReportBar;
using WorkSights.Web.Infrastructure;
using WorkSights.Web.Pages.Shared.Reporting;

namespace WorkSights.Web.Pages.Activities;

[OutputCache(PolicyName = ReportingPageCache.PolicyName)]
public sealed class MapModel(IMediator mediator) : PageModel
{
    public ReportBarView Bar { get; private set; } = null!;

    public MapPlacesDto Places { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery] ReportQuery query, CancellationToken cancellationToken)
    {
        var options = await mediator.Send(new GetReportBarQuery(query.PersonId), cancellationToken);
        var day = query.DayOr(options.Today);
        Places = await mediator.Send(new GetMapPlacesQuery(day, query.ToFilter(options)), cancellationToken);
        Bar = new ReportBarView("/Activities/Map", query, options, day, ShowsCategory: true, ShowsService: true);
    }
}
