using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using WorkSights.Web.Infrastructure;

namespace WorkSights.Web.Pages;

/// <summary>
/// Renders the status code of a failed request. The status-code page re-executes the original request with its method
/// and body, so nothing here binds from the form or query: the code comes from the route alone, whatever the method.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Something went wrong";

    public string Explanation { get; private set; } = string.Empty;

    public string? TraceId { get; private set; }

    /// <summary>Under privacy mode, the page that was withheld without its team and manager filters.</summary>
    public string? WithoutGroupFilters { get; private set; }

    [NonHandler]
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        // The route constraint admits only 400–599.
        var status = int.TryParse(Convert.ToString(RouteData.Values["code"], CultureInfo.InvariantCulture), CultureInfo.InvariantCulture, out var code)
            ? code
            : StatusCodes.Status500InternalServerError;
        (Title, Explanation) = status switch
        {
            400 => ("That request was not valid", "Check the address or the values you entered and try again."),
            403 => ("You do not have access to this page", "Your role in this workspace does not include it. Ask your workspace owner if you need it."),
            404 => ("Page not found", "It does not exist, or it belongs to another workspace."),
            405 => ("That action is not available here", "The page does not accept what was sent. Go back and use its buttons and forms."),
            503 => ("Temporarily unavailable", "A service WorkSights depends on is not reachable. Please try again shortly."),
            _ => ("Something went wrong", "We could not complete the request. Please try again."),
        };
        if (HttpContext.Items[ProblemDetailsExceptionHandler.GroupWithheldReason] is string reason)
        {
            (Title, Explanation) = ("Hidden to protect people's privacy", reason);
            WithoutGroupFilters = WithoutGroupFiltersOf(HttpContext.Features.Get<IStatusCodeReExecuteFeature>());
        }

        if (status >= 500)
        {
            TraceId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        }

        Response.StatusCode = status;
    }

    private static string? WithoutGroupFiltersOf(IStatusCodeReExecuteFeature? original)
    {
        if (original is null || string.IsNullOrEmpty(original.OriginalPath))
        {
            return null;
        }

        var kept = QueryHelpers.ParseQuery(original.OriginalQueryString)
            .Where(p => !p.Key.Equals("team", StringComparison.OrdinalIgnoreCase) && !p.Key.Equals("manager", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v)));
        return QueryHelpers.AddQueryString(original.OriginalPathBase + original.OriginalPath, kept);
    }
}
