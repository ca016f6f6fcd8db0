using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using WorkSights.Web.Authentication;

namespace WorkSights.Web.Infrastructure;

/// <summary>
/// Rate limits of the API for integration clients (SECURITY.md 2.4.1): per API key and per workspace on every request a
/// token signs in, and per address on the token endpoint. A refused request gets 429 with ProblemDetails and Retry-After
/// (the middleware's default would be 503). People signed in with a cookie are not limited here.
/// </summary>
internal static class ApiRateLimits
{
    public const string TokenPolicy = "api-token";

    public static IServiceCollection AddApiRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ApiTokenOptions>>((limiter, configured) =>
        {
            var settings = configured.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => ApiClientClaims.IsApiClient(context.User)
                    ? RateLimitPartition.GetFixedWindowLimiter("key:" + context.User.FindFirst(ApiClientClaims.KeyId)?.Value, _ => Window(settings.RequestsPerKey, settings.RateWindow))
                    : RateLimitPartition.GetNoLimiter(string.Empty)),
                PartitionedRateLimiter.Create<HttpContext, string>(context => ApiClientClaims.IsApiClient(context.User)
                    ? RateLimitPartition.GetFixedWindowLimiter("workspace:" + context.User.FindFirst(WorkSightsClaims.WorkspaceId)?.Value, _ => Window(settings.RequestsPerWorkspace, settings.RateWindow))
                    : RateLimitPartition.GetNoLimiter(string.Empty)));
            limiter.AddPolicy(TokenPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                "address:" + context.Connection.RemoteIpAddress, _ => Window(settings.TokenRequestsPerAddress, settings.RateWindow)));
            limiter.OnRejected = (rejected, cancellationToken) => RejectAsync(rejected, settings.RateWindow, cancellationToken);
        });
        services.AddRateLimiter(_ => { });
        return services;
    }

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = permits,
        Window = window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static async ValueTask RejectAsync(OnRejectedContext rejected, TimeSpan window, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero ? wait : window;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";
        var details = new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = "Too many requests.",
            Detail = "This API key or workspace has made too many requests. Try again after the time Retry-After gives, in seconds.",
        };
        details.Extensions["traceId"] = context.TraceIdentifier;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details });
        _ = cancellationToken;
    }
}
