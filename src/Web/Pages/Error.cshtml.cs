using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace WorkSights.Web.Pages;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Something went wrong";

    public string Explanation { get; private set; } = string.Empty;

    public string? TraceId { get; private set; }

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var status = code ?? StatusCodes.Status500InternalServerError;
        (Title, Explanation) = status switch
        {
            400 => ("That request was not valid", "Check the address or the values you entered and try again."),
            403 => ("You do not have access to this page", "Your role in this workspace does not include it. Ask your workspace owner if you need it."),
            404 => ("Page not found", "It does not exist, or it belongs to another workspace."),
            503 => ("Temporarily unavailable", "A service WorkSights depends on is not reachable. Please try again shortly."),
            _ => ("Something went wrong", "We could not complete the request. Please try again."),
        };
        if (status >= 500)
        {
            TraceId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        }

        Response.StatusCode = status is >= 400 and < 600 ? status : StatusCodes.Status500InternalServerError;
    }
}
