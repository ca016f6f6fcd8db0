using System.Security.Claims;
using System.Text.Encodings.Web;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using WorkSights.Application.Accounts.CheckApiToken;

namespace WorkSights.Web.Authentication;

/// <summary>
/// Signs in an integration client from <c>Authorization: Bearer</c> on /api alone (the pages never see this scheme). The
/// token must be one this app issued for this API and not yet expired, and on every request its key must still be
/// active in a workspace that still exists: revoking the key or deleting the workspace ends its tokens at once. The
/// principal is the client, not a person: it has the workspace and the key's current scopes, and no person id nor role.
/// </summary>
internal sealed partial class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiTokens tokens,
    IMediator mediator,
    IProblemDetailsService problemDetails)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiToken";

    private readonly ILogger log = loggerFactory.CreateLogger<ApiTokenAuthenticationHandler>();

    /// <summary>Whether the request is an API call carrying a bearer token, which this scheme and no other judges.</summary>
    public static bool Handles(HttpRequest request) =>
        request.Path.StartsWithSegments("/api")
        && request.Headers.Authorization.Count == 1
        && request.Headers.Authorization[0] is { } value
        && value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Handles(Request))
        {
            return AuthenticateResult.NoResult();
        }

        var now = TimeProvider.GetUtcNow();
        var token = Request.Headers.Authorization[0]!["Bearer ".Length..].Trim();
        if (tokens.Unprotect(token) is not { } payload)
        {
            LogRefused("not a token of this API", null, now);
            return AuthenticateResult.Fail("The access token is not valid.");
        }

        if (now >= payload.ExpiresAt)
        {
            LogRefused("expired", payload.WorkspaceId, now);
            return AuthenticateResult.Fail("The access token has expired.");
        }

        var check = await mediator.Send(new CheckApiTokenCommand(payload.WorkspaceId, payload.KeyId), Context.RequestAborted);
        if (!check.IsActive)
        {
            LogRefused("key revoked, expired or workspace gone", payload.WorkspaceId, now);
            return AuthenticateResult.Fail("The API key of this token is no longer active.");
        }

        // What the key may read now, within what the token was issued for.
        var scopes = payload.Scopes.Intersect(check.Scopes, StringComparer.Ordinal).ToList();
        var claims = new List<Claim>
        {
            new(ApiClientClaims.Subject, payload.Subject),
            new(ApiClientClaims.ClientId, payload.ClientId),
            new(ApiClientClaims.KeyId, payload.KeyId.ToString()),
            new(WorkSightsClaims.WorkspaceId, payload.WorkspaceId.ToString()),
        };
        claims.AddRange(scopes.Select(s => new Claim(ApiClientClaims.Scope, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, ApiClientClaims.ClientId, null));
        LogAccepted(payload.WorkspaceId, payload.KeyId, now);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = result.Failure is null
            ? $"Bearer realm=\"{ApiTokens.Audience}\""
            : $"Bearer realm=\"{ApiTokens.Audience}\", error=\"invalid_token\"";
        await WriteProblemAsync(StatusCodes.Status401Unauthorized, "Send a valid access token.", "Get one from POST /api/v1/token with your API key, and send it as Authorization: Bearer.");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        Response.Headers.WWWAuthenticate = $"Bearer realm=\"{ApiTokens.Audience}\", error=\"insufficient_scope\"";
        await WriteProblemAsync(StatusCodes.Status403Forbidden, "This API key may not do this.", "API keys read only, and only what they were given when they were created.");
    }

    private async Task WriteProblemAsync(int status, string title, string detail)
    {
        Response.Headers.CacheControl = "no-store";
        var details = new ProblemDetails { Status = status, Title = title, Detail = detail };
        details.Extensions["traceId"] = Context.TraceIdentifier;
        await problemDetails.WriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = details });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "API token accepted for workspace {WorkspaceId}, key {KeyId}, at {At:O}")]
    private partial void LogAccepted(Guid workspaceId, Guid keyId, DateTimeOffset at);

    [LoggerMessage(Level = LogLevel.Warning, Message = "API token refused ({Reason}) for workspace {WorkspaceId} at {At:O}")]
    private partial void LogRefused(string reason, Guid? workspaceId, DateTimeOffset at);
}

/// <summary>Claim types of an integration client's principal.</summary>
public static class ApiClientClaims
{
    public const string Subject = "sub";
    public const string ClientId = "client_id";
    public const string KeyId = "ws_api_key";
    public const string Scope = "scope";

    public static bool IsApiClient(ClaimsPrincipal? user) => user?.Identity is { IsAuthenticated: true, AuthenticationType: ApiTokenAuthenticationHandler.SchemeName };

    public static bool Holds(ClaimsPrincipal user, string scope) => IsApiClient(user) && user.HasClaim(Scope, scope);
}
