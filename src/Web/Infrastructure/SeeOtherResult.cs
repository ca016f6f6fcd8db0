using Microsoft.AspNetCore.Mvc;

namespace WorkSights.Web.Infrastructure;

/// <summary>
/// 303 See Other to <paramref name="location"/>: the answer to a form post that created something, so that the browser
/// asks for the page with a GET and a refresh does not post the form again.
/// </summary>
public sealed class SeeOtherResult(string location) : IActionResult
{
    public string Location { get; } = location;

    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.HttpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.HttpContext.Response.Headers.Location = Location;
        return Task.CompletedTask;
    }
}
