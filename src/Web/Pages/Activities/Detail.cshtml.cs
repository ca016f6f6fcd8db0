using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using NodaTime;
using WorkSights.Application.Reporting.CorrectActivityDuration;
using WorkSights.Application.Reporting.GetActivityDetail;
using WorkSights.Application.Reporting.GetReportBar;
using WorkSights.Web.Infrastructure;
using WorkSights.Web.Pages.Shared.Reporting;

namespace WorkSights.Web.Pages.Activities;

/// <summary>One person's day (<c>/Activities/Detail/{person}?date=2026-12-03</c>) and the correction of an item's credited time.</summary>
[OutputCache(PolicyName = ReportingPageCache.PolicyName)]
public sealed class DetailModel(IMediator mediator) : PageModel
{
    [FromRoute(Name = "person")]
    public string? Person { get; set; }

    [FromQuery]
    public ReportQuery Query { get; set; } = new();

    [FromQuery(Name = "corrected")]
    public string? Corrected { get; set; }

    public ReportBarDto Bar { get; private set; } = null!;

    public LocalDate Day { get; private set; }

    /// <summary>Null when the address names no person.</summary>
    public ActivityDetailDto? View { get; private set; }

    public string? Message { get; private set; }

    /// <summary>The item whose correction was refused, and why.</summary>
    public (Guid ActivityId, string Error, string Minutes)? Refused { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Corrected == "1")
        {
            Message = "Saved. The day was recomputed with the corrected time.";
        }

        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostCorrectAsync(string? activity, string? minutes, CancellationToken cancellationToken)
    {
        var activityId = Guid.TryParse(activity, out var id) ? id : Guid.Empty;
        string? error;
        if (!int.TryParse(minutes?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            error = "Enter the credited time as a whole number of minutes, e.g. 45.";
        }
        else
        {
            try
            {
                var result = await mediator.Send(new CorrectActivityDurationCommand(activityId, value), cancellationToken);
                return RedirectToPage("/Activities/Detail", new { person = result.PersonId, date = Query.Date, corrected = "1" });
            }
            catch (ValidationException invalid)
            {
                error = string.Join(" ", invalid.Errors.Select(e => e.ErrorMessage).Distinct());
            }
        }

        Refused = (activityId, error, minutes ?? string.Empty);
        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public static string LocalTime(DateTimeOffset at, string zoneId) =>
        Instant.FromDateTimeOffset(at).InZone(DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) ?? DateTimeZone.Utc).TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Bar = await mediator.Send(new GetReportBarQuery(), cancellationToken);
        Day = Query.DayOr(Bar.Today);
        if (!Guid.TryParse(Person, out var personId))
        {
            Query.Problems.Add(string.IsNullOrWhiteSpace(Person)
                ? "Choose a person on the Dashboard to see their day."
                : "The person in the address is not one WorkSights knows; choose someone on the Dashboard.");
            return;
        }

        View = await mediator.Send(new GetActivityDetailQuery(personId, Day.ToDateOnly()), cancellationToken);
    }
}
