using System.Text;
using Mediator;
using Microsoft.Extensions.Options;
using WorkSights.Application.Accounts.IssueApiToken;
using WorkSights.Web.Authentication;
using WorkSights.Web.Infrastructure;

namespace WorkSights.Web.Endpoints;

/// <summary>
/// POST /api/v1/token: the OAuth 2.0 token endpoint for integration clients (RFC 6749 §4.4, client credentials only; no
/// password or any other grant). The client authenticates with HTTP Basic or with client_id and client_secret in the form
/// (§2.3.1), never both and never in the address. Answers and errors follow §5.1 and §5.2, and are never cached.
/// </summary>
internal static partial class TokenEndpoint
{
    public const string Path = "/api/v1/token";

    private const string ClientCredentials = "client_credentials";

    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(Path, IssueAsync).AllowAnonymous().RequireRateLimiting(ApiRateLimits.TokenPolicy).DisableAntiforgery();
        return routes;
    }

    private static async Task<IResult> IssueAsync(
        HttpContext context, IMediator mediator, ApiTokens tokens, IOptions<ApiTokenOptions> options, TimeProvider clock, ILoggerFactory loggers)
    {
        var log = loggers.CreateLogger(typeof(TokenEndpoint));
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
        if (!context.Request.HasFormContentType)
        {
            return Error("invalid_request", "Send the token request as application/x-www-form-urlencoded.");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (form.Any(f => f.Value.Count > 1))
        {
            return Error("invalid_request", "Each parameter may be sent once.");
        }

        var grantType = form["grant_type"].ToString();
        if (grantType.Length == 0)
        {
            return Error("invalid_request", "grant_type is required.");
        }

        if (grantType != ClientCredentials)
        {
            return Error("unsupported_grant_type", "Only the client_credentials grant is supported.");
        }

        var now = clock.GetUtcNow();
        if (CredentialsOf(context.Request, form) is not { } credentials)
        {
            return Error("invalid_request", "Authenticate with HTTP Basic or with client_id and client_secret in the form, not both.");
        }

        var grant = await mediator.Send(new IssueApiTokenCommand(credentials.ClientId, credentials.Secret), context.RequestAborted);
        if (grant is null)
        {
            LogRefused(log, LogText.Encode(credentials.ClientId), now);
            context.Response.Headers.WWWAuthenticate = $"Basic realm=\"{ApiTokens.Audience}\"";
            return Error("invalid_client", "The client id or secret is wrong, or the key was revoked or has expired.", StatusCodes.Status401Unauthorized);
        }

        var scopes = grant.Scopes;
        if (form["scope"].ToString() is { Length: > 0 } asked)
        {
            var requested = asked.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (requested.Except(grant.Scopes, StringComparer.Ordinal).Any())
            {
                return Error("invalid_scope", "The key does not hold every scope asked for.");
            }

            scopes = [.. grant.Scopes.Where(requested.Contains)];
        }

        var expires = now + options.Value.Lifetime;
        if (grant.KeyExpiresAt is { } keyExpiry && keyExpiry < expires)
        {
            expires = keyExpiry;
        }

        var token = tokens.Protect(new ApiTokenPayload(
            ApiTokenPayload.SubjectPrefix + grant.ClientId, ApiTokens.Audience, grant.WorkspaceId, grant.KeyId, grant.ClientId, scopes, now, expires));
        LogIssued(log, grant.WorkspaceId, grant.KeyId, now);
        return TypedResults.Json(
            new TokenResponse(token, "Bearer", (int)Math.Floor((expires - now).TotalSeconds), string.Join(' ', scopes)),
            statusCode: StatusCodes.Status200OK);
    }

    /// <summary>The client's id and secret from exactly one of HTTP Basic (each part form-encoded, RFC 6749 §2.3.1) or the form.</summary>
    private static (string ClientId, string Secret)? CredentialsOf(HttpRequest request, IFormCollection form)
    {
        var inForm = form.ContainsKey("client_id") || form.ContainsKey("client_secret");
        var header = request.Headers.Authorization;
        if (header.Count > 1)
        {
            return null;
        }

        if (header is [{ } value] && value.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            if (inForm || Basic(value["Basic ".Length..].Trim()) is not { } basic)
            {
                return null;
            }

            return basic;
        }

        return header.Count == 0 && form["client_id"] is [{ Length: > 0 } id] && form["client_secret"] is [{ Length: > 0 } secret] ? (id, secret) : null;
    }

    private static (string, string)? Basic(string encoded)
    {
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == decoded.Length - 1)
            {
                return null;
            }

            return (Uri.UnescapeDataString(decoded[..colon].Replace('+', ' ')), Uri.UnescapeDataString(decoded[(colon + 1)..].Replace('+', ' ')));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static IResult Error(string error, string description, int status = StatusCodes.Status400BadRequest) =>
        TypedResults.Json(new TokenError(error, description), statusCode: status);

    [LoggerMessage(Level = LogLevel.Information, Message = "API token issued for workspace {WorkspaceId}, key {KeyId}, at {At:O}")]
    private static partial void LogIssued(ILogger logger, Guid workspaceId, Guid keyId, DateTimeOffset at);

    [LoggerMessage(Level = LogLevel.Warning, Message = "API token refused to client {ClientId} (invalid_client) at {At:O}")]
    private static partial void LogRefused(ILogger logger, string clientId, DateTimeOffset at);
}

internal sealed record TokenResponse(
    [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
    [property: System.Text.Json.Serialization.JsonPropertyName("token_type")] string TokenType,
    [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn,
    [property: System.Text.Json.Serialization.JsonPropertyName("scope")] string Scope);

internal sealed record TokenError(
    [property: System.Text.Json.Serialization.JsonPropertyName("error")] string Error,
    [property: System.Text.Json.Serialization.JsonPropertyName("error_description")] string ErrorDescription);
