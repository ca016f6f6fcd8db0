using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.WebUtilities;
using WorkSights.Application.Reporting.GetActivityStream;
using WorkSights.Application.Reporting.GetMapPlaces;
using WorkSights.Application.Reporting.GetReportBar;
using WorkSights.Web.Endpoints;
using WorkSights.Web.Infrastructure;
using WorkSights.Web.Pages.Shared.Reporting;

namespace WorkSights.Web.Pages.Activities;

[OutputCache(PolicyName = ReportingPageCache.PolicyName)]
public sealed class StreamModel(IMediator mediator) : PageModel
{
    public ReportBarView Bar { get; private set; } = null!;

    public IReadOnlyList<StreamItemView> Items { get; private set; } = [];

    public MapPlacesDto Places { get; private set; } = null!;

    /// <summary>The link to the next page, or null at the end of the day.</summary>
    public string? MoreLink { get; private set; }

    /// <summary>True when this is a later page reached by "Load more" without JavaScript.</summary>
    public bool IsLaterPage { get; private set; }

    public string FirstPageLink { get; private set; } = string.Empty;

    public string EventsLink { get; private set; } = string.Empty;

    /// <summary>The stream of this day and filters narrowed to one person (the live items' script sets the same parameter).</summary>
    public string PersonLink(string personId) => QueryHelpers.AddQueryString(AnyonesFirstPageLink, "person", personId);

    /// <summary>The first page of this day and filters for whoever is chosen: <see cref="PersonLink"/> adds the person.</summary>
    public string AnyonesFirstPageLink { get; private set; } = string.Empty;

    public async Task OnGetAsync([FromQuery] ReportQuery query, [FromQuery(Name = "after")] string? after, CancellationToken cancellationToken)
    {
        var options = await mediator.Send(new GetReportBarQuery(query.PersonId), cancellationToken);
        var day = query.DayOr(options.Today);
        var filter = query.ToFilter(options);
        StreamCursor? cursor = null;
        if (!string.IsNullOrWhiteSpace(after) && !StreamCursor.TryParse(after, out cursor))
        {
            query.Problems.Add("The position to continue from in the address is not one WorkSights knows; showing the newest items.");
        }

        var stream = await mediator.Send(new GetActivityStreamQuery(day, filter, cursor), cancellationToken);
        Places = await mediator.Send(new GetMapPlacesQuery(day, filter), cancellationToken);
        Bar = new ReportBarView("/Activities/Stream", query, options, day, ShowsCategory: true, ShowsService: true);
        Items = stream.Items.Select(StreamItemView.Of).ToList();
        IsLaterPage = cursor is not null;
        var values = query.With(("date", ReportQuery.Format(day)));
        FirstPageLink = Url.Page("/Activities/Stream", values)!;
        AnyonesFirstPageLink = Url.Page("/Activities/Stream", query.With(("date", ReportQuery.Format(day)), ("person", null)))!;
        MoreLink = stream.Next is { } next ? Url.Page("/Activities/Stream", query.With(("date", ReportQuery.Format(day)), ("after", next.ToString())))! : null;
        EventsLink = QueryHelpers.AddQueryString(ActivityStreamEvents.Path, values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)));
    }
}
