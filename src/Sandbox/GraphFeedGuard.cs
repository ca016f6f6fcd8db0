using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace WorkSights.Sandbox;

/// <summary>A Graph error answer: status, code and message in the documented error body.</summary>
internal sealed class GraphFeedException(int status, string code, string message, double? retryAfter = null) : Exception(message)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    public double? RetryAfter { get; } = retryAfter;
}

/// <summary>What the workspace-wide Graph feeds (call records, sign-ins) share: the bearer token, the forced throttle, the
/// roles the endpoint needs, latency, and errors in Graph's envelope with request ids.</summary>
internal static class GraphFeedGuard
{
    public const string GraphContentType = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

    /// <param name="authorize">Throws a <see cref="GraphFeedException"/> when the caller may not read this feed.</param>
    public static RequestDelegate Guard(SandboxState state, Action<GraphPrincipal> authorize, Func<HttpContext, GraphPrincipal, Task> handler) => async ctx =>
    {
        var requestId = Guid.NewGuid().ToString();
        var clientRequestId = ctx.Request.Headers["client-request-id"].ToString();
        clientRequestId = string.IsNullOrEmpty(clientRequestId) ? requestId : clientRequestId;
        ctx.Response.Headers["request-id"] = requestId;
        ctx.Response.Headers["client-request-id"] = clientRequestId;
        try
        {
            var header = ctx.Request.Headers.Authorization.ToString();
            if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
            {
                throw new GraphFeedException(401, "InvalidAuthenticationToken", "Access token is empty.");
            }

            var principal = await state.Tokens.ValidateGraphTokenAsync(header[7..].Trim()).ConfigureAwait(false)
                ?? throw new GraphFeedException(401, "InvalidAuthenticationToken", "Access token validation failure. Invalid audience, issuer, signature or lifetime.");
            if (state.Faults.TryTakeThrottle(out var forced) || (state.IsBatchItem(ctx) && state.Faults.TryTakeBatchItemThrottle(out forced)))
            {
                throw new GraphFeedException(429, "TooManyRequests", "Too many requests. Retry after the number of seconds in the Retry-After header.", forced);
            }

            authorize(principal);
            if (state.Faults.LatencyDelay > TimeSpan.Zero)
            {
                await Task.Delay(state.Faults.LatencyDelay, ctx.RequestAborted).ConfigureAwait(false);
            }

            await handler(ctx, principal).ConfigureAwait(false);
        }
        catch (GraphFeedException ex)
        {
            if (ex.RetryAfter is { } seconds)
            {
                ctx.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }

            await Http.JsonAsync(ctx, ex.Status, new JsonObject
            {
                ["error"] = new JsonObject
                {
                    ["code"] = ex.Code,
                    ["message"] = ex.Message,
                    ["innerError"] = new JsonObject
                    {
                        ["date"] = state.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
                        ["request-id"] = requestId,
                        ["client-request-id"] = clientRequestId,
                    },
                },
            }, GraphContentType).ConfigureAwait(false);
        }
    };

    public static void RequireRoles(GraphPrincipal principal, params string[] roles)
    {
        if (!roles.All(principal.Roles.Contains))
        {
            throw new GraphFeedException(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
        }
    }

    public static void RejectUnsupported(IQueryCollection query, params string[] options)
    {
        foreach (var option in options.Where(query.ContainsKey))
        {
            throw new GraphFeedException(400, "BadRequest", $"Query option '{option}' is not allowed on this resource.");
        }
    }

    /// <summary>Comparison clauses of a $filter joined by "and", each "{property} {operator} {value}" or a lambda left whole.</summary>
    public static IReadOnlyList<string> Clauses(string? filter) =>
        string.IsNullOrWhiteSpace(filter)
            ? []
            : [.. System.Text.RegularExpressions.Regex.Split(filter.Trim(), @"\s+and\s+", System.Text.RegularExpressions.RegexOptions.IgnoreCase).Select(c => c.Trim())];

    /// <summary>An ISO 8601 instant; no offset means UTC.</summary>
    public static DateTimeOffset Instant(string value, string clause) =>
        DateTimeOffset.TryParse(value.Trim('\''), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : throw InvalidFilter(clause);

    public static GraphFeedException InvalidFilter(string clause) =>
        new(400, "BadRequest", $"Invalid filter clause: '{clause}' is not supported on this resource.");

    /// <summary>[from, to) as a set of comparisons on one property, narrowed by each clause.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Narrow((DateTimeOffset From, DateTimeOffset To) range, string op, DateTimeOffset at, string clause) => op.ToLowerInvariant() switch
    {
        "ge" => (Max(range.From, at), range.To),
        "gt" => (Max(range.From, at.AddTicks(1)), range.To),
        "lt" => (range.From, Min(range.To, at)),
        "le" => (range.From, Min(range.To, at.AddTicks(1))),
        _ => throw InvalidFilter(clause),
    };

    public static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
