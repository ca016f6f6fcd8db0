namespace WorkSights.Web.Infrastructure;

/// <summary>Headers every response carries; the form-action list lets sign-in forms continue to the identity provider.</summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next, string identityOrigin)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy =
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
                $"object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self' {identityOrigin}";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            if (context.User.Identity?.IsAuthenticated == true)
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
