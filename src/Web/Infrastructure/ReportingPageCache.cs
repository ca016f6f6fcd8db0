using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Sessions;
using WorkSights.Web.Authentication;

namespace WorkSights.Web.Infrastructure;

/// <summary>
/// Serves a reporting page again, while nothing it shows can have changed, to the same signed-in session that asked for
/// it: the key holds the session, the viewer's role, the address, the workspace's <see cref="IReportedDataVersions"/>
/// version and the clock's minute (pages say "today" and "3 minutes ago"). Any stored change of the workspace makes the
/// next request build the page afresh; authentication, the session check and authorization still run on every request.
/// </summary>
/// <param name="lifetime">How long a page may be served again; zero or less serves none again.</param>
internal sealed class ReportingPageCache(TimeSpan lifetime) : IOutputCachePolicy
{
    public const string PolicyName = "ReportingPage";

    public const string LifetimeSetting = "Reporting:PageCacheSeconds";

    /// <summary>
    /// The pages' bodies kept at most, in megabytes, across workspaces (<see cref="BoundedOutputCacheStore"/>). Measured
    /// (bench/README.md): with 64 MB filled by pages each asked for once, the garbage collector held 326 MB while serving;
    /// with 8 MB, 203 MB. A page served again is nearly always one of the last few a session asked for.
    /// </summary>
    public const string SizeSetting = "Reporting:PageCacheMegabytes";

    private const int DefaultMegabytes = 8;

    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(60);

    /// <summary>The policy with the lifetime the configuration sets, read once rather than on every request.</summary>
    public static long SizeLimitFrom(IConfiguration configuration) =>
        (configuration.GetValue<int?>(SizeSetting) ?? DefaultMegabytes) * 1024L * 1024L;

    public static ReportingPageCache From(IConfiguration configuration) =>
        new(configuration.GetValue<int?>(LifetimeSetting) is { } seconds ? TimeSpan.FromSeconds(seconds) : DefaultLifetime);

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var user = http.User;
        if (lifetime <= TimeSpan.Zero
            || !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            || !Guid.TryParse(user.FindFirst(WorkSightsClaims.WorkspaceId)?.Value, out var workspaceId)
            || user.FindFirst(WorkSightsClaims.PersonId)?.Value is not { } personId
            || user.FindFirst(WorkSightsClaims.SessionId)?.Value is not { } sessionId)
        {
            return ValueTask.CompletedTask;
        }

        var minute = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeSeconds() / 60;
        var version = http.RequestServices.GetRequiredService<IReportedDataVersions>().Of(workspaceId);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = lifetime;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["viewer"] = $"{workspaceId:N}:{personId}:{user.FindFirst(WorkSightsClaims.Role)?.Value}:{SessionIds.Hash(sessionId)}";
        context.CacheVaryByRules.VaryByValues["data"] = $"{version}:{minute}";
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    /// <summary>Only a complete page is kept; one that sets a cookie (a renewed sign-in, a first antiforgery token) is not.</summary>
    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || !StringValues.IsNullOrEmpty(response.Headers.SetCookie))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
