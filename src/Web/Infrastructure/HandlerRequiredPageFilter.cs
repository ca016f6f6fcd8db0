using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace WorkSights.Web.Infrastructure;

/// <summary>
/// Razor Pages renders a page even when no handler matches a POST (or PUT, DELETE…), with none of the state its GET
/// handler would have loaded, which fails in the view. A request that changes state must name a handler that exists:
/// 405 when the page has none for the method, 400 when it has some but not the one named.
/// </summary>
internal sealed class HandlerRequiredPageFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var request = context.HttpContext.Request;
        if (context.HandlerMethod is not null
            || HttpMethods.IsGet(request.Method)
            || HttpMethods.IsHead(request.Method)
            || context.HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            return;
        }

        var handlers = context.ActionDescriptor.HandlerMethods;
        if (handlers.Any(h => string.Equals(h.HttpMethod, request.Method, StringComparison.OrdinalIgnoreCase)))
        {
            context.Result = new BadRequestResult();
            return;
        }

        context.HttpContext.Response.Headers.Allow = string.Join(", ", handlers.Select(h => h.HttpMethod.ToUpperInvariant()).Append("GET").Append("HEAD").Distinct());
        context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
