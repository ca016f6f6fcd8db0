using Microsoft.AspNetCore.Mvc;

namespace WorkSights.Web.Infrastructure;

/// <summary>
/// Refuses an API call whose address carries a credential (SECURITY.md 14.2.1): addresses end up in proxy and server
/// logs and in browser history, so a token or secret there is treated as leaked and not used. 401, whatever else the
/// request holds.
/// </summary>
internal sealed class ApiCredentialsInQueryMiddleware(RequestDelegate next, IProblemDetailsService problemDetails)
{
    private static readonly string[] CredentialParameters = ["access_token", "api_key", "apikey", "api-key", "client_secret", "token"];

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/api") && context.Request.Query.Keys.Any(k => CredentialParameters.Contains(k, StringComparer.OrdinalIgnoreCase)))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"worksights-api\", error=\"invalid_request\"";
            context.Response.Headers.CacheControl = "no-store";
            var details = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Credentials are not accepted in the address.",
                Detail = "Send the access token as Authorization: Bearer, and the client secret to POST /api/v1/token in the form or with HTTP Basic.",
            };
            details.Extensions["traceId"] = context.TraceIdentifier;
            await problemDetails.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details });
            return;
        }

        await next(context);
    }
}
