using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using WorkSights.Application.Sessions;
using WorkSights.Application.Sessions.CheckSession;
using WorkSights.Application.Sessions.EndSession;
using WorkSights.Application.Sessions.StartSession;
using WorkSights.Infrastructure.Hosting;

namespace WorkSights.Web.Authentication;

/// <summary>
/// Ties the cookie to a server-side session. Every sign-in, wherever it happens, records a new session and puts its id
/// in the cookie (so the cookie changes at every sign-in); every sign-out ends it; every request checks it against the
/// database, trusting a check for <see cref="UserSessionOptions.RevalidateAfter"/> on the app's clock, and takes the
/// person's current role.
/// </summary>
internal sealed class SessionCookieEvents(IMediator mediator, IMemoryCache checks, IOptions<UserSessionOptions> options, TimeProvider clock)
    : CookieAuthenticationEvents
{
    private readonly UserSessionOptions settings = options.Value;

    public override async Task SigningIn(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity
            || identity.FindFirst(WorkSightsClaims.ExternalTenantId)?.Value is not { } tenantId
            || identity.FindFirst(WorkSightsClaims.ObjectId)?.Value is not { } objectId)
        {
            throw new InvalidOperationException("A WorkSights session is for a tenant and object id.");
        }

        var previous = SessionIdOf(context.HttpContext.User) ?? SessionIdInRequestCookie(context);
        var sessionId = await mediator.Send(
            new StartSessionCommand(tenantId, objectId, GuidOf(identity, WorkSightsClaims.WorkspaceId), GuidOf(identity, WorkSightsClaims.PersonId), previous),
            context.HttpContext.RequestAborted);
        foreach (var stale in identity.FindAll(WorkSightsClaims.SessionId).ToList())
        {
            identity.RemoveClaim(stale);
        }

        identity.AddClaim(new Claim(WorkSightsClaims.SessionId, sessionId));
        Forget(previous);
    }

    public override async Task SigningOut(CookieSigningOutContext context)
    {
        if (SessionIdOf(context.HttpContext.User) is { } sessionId)
        {
            await mediator.Send(new EndSessionCommand(sessionId), context.HttpContext.RequestAborted);
            Forget(sessionId);
        }
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (SessionIdOf(principal) is not { } sessionId)
        {
            await RejectAsync(context);
            return;
        }

        var check = await CheckAsync(sessionId, context.HttpContext.RequestAborted);
        if (!check.IsActive)
        {
            await RejectAsync(context);
            return;
        }

        var held = principal!.FindFirst(WorkSightsClaims.Role)?.Value;
        if (check.Role is { } role && held is not null && held != role.ToString())
        {
            // Only the role changed: the person keeps working with the new one, and the cookie is reissued to carry it.
            var identity = new ClaimsIdentity(principal.Claims.Where(c => c.Type != WorkSightsClaims.Role), principal.Identity!.AuthenticationType, WorkSightsClaims.Name, WorkSightsClaims.Role);
            identity.AddClaim(new Claim(WorkSightsClaims.Role, role.ToString()));
            context.ReplacePrincipal(new ClaimsPrincipal(identity));
            context.ShouldRenew = true;
        }
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context) => ApiAware(context, StatusCodes.Status401Unauthorized);

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context) => ApiAware(context, StatusCodes.Status403Forbidden);

    private async Task<SessionCheck> CheckAsync(string sessionId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (checks.TryGetValue(CacheKey(sessionId), out CachedCheck? cached) && now - cached!.CheckedAt < settings.RevalidateAfter)
        {
            return cached.Check;
        }

        var check = await mediator.Send(new CheckSessionCommand(sessionId), cancellationToken);
        if (check.IsActive && settings.RevalidateAfter > TimeSpan.Zero)
        {
            checks.Set(CacheKey(sessionId), new CachedCheck(check, now), settings.RevalidateAfter);
        }
        else
        {
            Forget(sessionId);
        }

        return check;
    }

    /// <summary>The request goes on signed out, and the browser is told to drop the cookie.</summary>
    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(AuthenticationSchemes.Cookie);
    }

    private void Forget(string? sessionId)
    {
        if (sessionId is not null)
        {
            checks.Remove(CacheKey(sessionId));
        }
    }

    private static string CacheKey(string sessionId) => "session:" + SessionIds.Hash(sessionId);

    private static string? SessionIdOf(ClaimsPrincipal? principal) =>
        principal?.Identity?.AuthenticationType == AuthenticationSchemes.Cookie ? principal.FindFirst(WorkSightsClaims.SessionId)?.Value : null;

    /// <summary>A remote sign-in (/signin-oidc) runs before the cookie is read into HttpContext.User; the session the
    /// browser's cookie names is read here without validating it, only to end it.</summary>
    private static string? SessionIdInRequestCookie(CookieSigningInContext context) =>
        context.Options.CookieManager.GetRequestCookie(context.HttpContext, context.Options.Cookie.Name!) is { Length: > 0 } cookie
            ? SessionIdOf(context.Options.TicketDataFormat.Unprotect(cookie)?.Principal)
            : null;

    private static Guid? GuidOf(ClaimsIdentity identity, string claimType) =>
        Guid.TryParse(identity.FindFirst(claimType)?.Value, out var id) ? id : null;

    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> context, int statusCode)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = statusCode;
        }
        else
        {
            // The handler makes the address absolute from the request's Host header; only its path and query are kept.
            var publicAddress = context.HttpContext.RequestServices.GetRequiredService<PublicAddress>();
            context.Response.Redirect(publicAddress.For(new Uri(context.RedirectUri, UriKind.Absolute).PathAndQuery).ToString());
        }

        return Task.CompletedTask;
    }

    private sealed record CachedCheck(SessionCheck Check, DateTimeOffset CheckedAt);
}
