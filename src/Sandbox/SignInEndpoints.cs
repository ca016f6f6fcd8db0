using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace WorkSights.Sandbox;

/// <summary>
/// Graph v1.0 sign-in log: newest first, $top 1–1000 (default 1000), $skiptoken nextLinks, $filter on createdDateTime,
/// userId, userPrincipalName, appId and status/errorCode; AuditLog.Read.All and Directory.Read.All both required; a tenant
/// without Entra ID P1/P2 is refused; 5 requests per 10 seconds per app and tenant (configurable).
/// </summary>
internal static partial class SignInEndpoints
{
    private const int MaxPageSize = 1000;
    private static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    private sealed record ListPosition(string T, string? F, int N, long C, string I);

    private sealed record Criteria((DateTimeOffset From, DateTimeOffset To) Range, List<Func<GenSignIn, bool>> Matches);

    public static void Map(WebApplication app, SandboxState state) =>
        app.MapGet("/v1.0/auditLogs/signIns", GraphFeedGuard.Guard(state, p => Authorize(state, p), (ctx, p) => ListAsync(ctx, state, p)));

    private static void Authorize(SandboxState state, GraphPrincipal principal)
    {
        GraphFeedGuard.RequireRoles(principal, "AuditLog.Read.All", "Directory.Read.All");
        if (!state.Directory.HasEntraPremium(principal.TenantId))
        {
            throw new GraphFeedException(403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant", "Neither tenant is B2C or tenant doesn't have premium license");
        }

        if (!state.SignInThrottle.TryCount($"{principal.AppId}|{principal.TenantId}", out var retryAfter))
        {
            throw new GraphFeedException(429, "TooManyRequests", "Too many requests. Retry after the number of seconds in the Retry-After header.", retryAfter);
        }
    }

    private static Task ListAsync(HttpContext ctx, SandboxState state, GraphPrincipal principal)
    {
        var q = ctx.Request.Query;
        GraphFeedGuard.RejectUnsupported(q, "$expand", "$skip", "$orderby", "$search", "$count", "$select");
        var now = state.Clock.GetUtcNow();
        var filter = q["$filter"].ToString();
        var top = MaxPageSize;
        if (q.ContainsKey("$top") && (!int.TryParse(q["$top"], NumberStyles.None, CultureInfo.InvariantCulture, out top) || top < 1 || top > MaxPageSize))
        {
            throw new GraphFeedException(400, "BadRequest", $"Invalid page size specified: '{q["$top"]}'. Must be between 1 and {MaxPageSize} inclusive.");
        }

        ListPosition? after = null;
        if (q.ContainsKey("$skiptoken"))
        {
            after = state.Protector.Unprotect<ListPosition>(q["$skiptoken"]);
            if (after is null || after.T != principal.TenantId)
            {
                throw new GraphFeedException(400, "BadRequest", "Invalid $skiptoken.");
            }

            (filter, top) = (after.F ?? string.Empty, after.N);
        }

        var criteria = ParseFilter(filter, now);
        var signIns = state.SignIns.Logged(state.Directory.Roster(principal.TenantId), criteria.Range.From, criteria.Range.To, now)
            .Where(s => s.CreatedAt >= criteria.Range.From && s.CreatedAt < criteria.Range.To && criteria.Matches.All(m => m(s)))
            .Where(s => after is null || s.CreatedAt.UtcTicks < after.C || (s.CreatedAt.UtcTicks == after.C && string.CompareOrdinal(s.Id, after.I) < 0))
            .OrderByDescending(s => s.CreatedAt)
            .ThenByDescending(s => s.Id, StringComparer.Ordinal)
            .Take(top + 1)
            .ToList();
        var more = signIns.Count > top;
        if (more)
        {
            signIns.RemoveAt(top);
        }

        var b = state.BaseFor(ctx);
        var body = new JsonObject { ["@odata.context"] = $"{b}v1.0/$metadata#auditLogs/signIns" };
        if (more)
        {
            var position = new ListPosition(principal.TenantId, filter, top, signIns[^1].CreatedAt.UtcTicks, signIns[^1].Id);
            body["@odata.nextLink"] = $"{b}v1.0/auditLogs/signIns?$top={top}&$skiptoken={state.Protector.Protect(position)}";
        }

        body["value"] = new JsonArray([.. signIns.Select(s => (JsonNode?)SignInJson(s))]);
        return Http.JsonAsync(ctx, 200, body, GraphFeedGuard.GraphContentType);
    }

    private static Criteria ParseFilter(string filter, DateTimeOffset now)
    {
        var criteria = new Criteria((now - Retention, now.AddTicks(1)), []);
        var range = criteria.Range;
        foreach (var clause in GraphFeedGuard.Clauses(filter))
        {
            if (CreatedClause().Match(clause) is { Success: true } created)
            {
                range = GraphFeedGuard.Narrow(range, created.Groups[1].Value, GraphFeedGuard.Instant(created.Groups[2].Value, clause), clause);
            }
            else if (TextClause().Match(clause) is { Success: true } text)
            {
                var value = text.Groups[2].Value;
                criteria.Matches.Add(text.Groups[1].Value.ToLowerInvariant() switch
                {
                    "userid" => s => string.Equals(s.Person.Id, value, StringComparison.OrdinalIgnoreCase),
                    "userprincipalname" => s => string.Equals(s.Person.User.UserPrincipalName, value, StringComparison.OrdinalIgnoreCase),
                    _ => s => string.Equals(s.AppId, value, StringComparison.OrdinalIgnoreCase),
                });
            }
            else if (ErrorCodeClause().Match(clause) is { Success: true } code)
            {
                var wanted = int.Parse(code.Groups[2].Value, CultureInfo.InvariantCulture);
                var equal = code.Groups[1].Value.Equals("eq", StringComparison.OrdinalIgnoreCase);
                criteria.Matches.Add(s => (s.ErrorCode == wanted) == equal);
            }
            else
            {
                throw GraphFeedGuard.InvalidFilter(clause);
            }
        }

        return criteria with { Range = range };
    }

    private static JsonObject SignInJson(GenSignIn s) => new()
    {
        ["id"] = s.Id,
        ["createdDateTime"] = s.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["userDisplayName"] = s.Person.Name,
        ["userPrincipalName"] = s.Person.User.UserPrincipalName,
        ["userId"] = s.Person.Id,
        ["appId"] = s.AppId,
        ["appDisplayName"] = s.AppDisplayName,
        ["ipAddress"] = s.Place.IpAddress,
        ["clientAppUsed"] = s.ClientAppUsed,
        ["correlationId"] = WorkGenerator.StableGuid("correlation:" + s.Id),
        ["conditionalAccessStatus"] = "notApplied",
        ["isInteractive"] = true,
        ["riskDetail"] = "none",
        ["riskLevelAggregated"] = "none",
        ["riskLevelDuringSignIn"] = "none",
        ["riskState"] = "none",
        ["riskEventTypes_v2"] = new JsonArray(),
        ["resourceDisplayName"] = "Microsoft Graph",
        ["resourceId"] = "00000003-0000-0000-c000-000000000000",
        ["status"] = new JsonObject
        {
            ["errorCode"] = s.ErrorCode,
            ["failureReason"] = s.FailureReason ?? "Other.",
            ["additionalDetails"] = s.ErrorCode == 0 ? null : "The user didn't complete the sign-in.",
        },
        ["deviceDetail"] = new JsonObject
        {
            ["deviceId"] = string.Empty,
            ["displayName"] = string.Empty,
            ["operatingSystem"] = s.OperatingSystem,
            ["browser"] = s.Browser,
            ["isCompliant"] = false,
            ["isManaged"] = false,
            ["trustType"] = string.Empty,
        },
        ["location"] = new JsonObject
        {
            ["city"] = s.Place.City,
            ["state"] = s.Place.State,
            ["countryOrRegion"] = s.Place.CountryOrRegion,
            ["geoCoordinates"] = new JsonObject { ["altitude"] = null, ["latitude"] = s.Place.Latitude, ["longitude"] = s.Place.Longitude },
        },
        ["appliedConditionalAccessPolicies"] = new JsonArray(),
    };

    [GeneratedRegex(@"^createdDateTime\s+(ge|gt|le|lt)\s+(\S+)$", RegexOptions.IgnoreCase)]
    private static partial Regex CreatedClause();

    [GeneratedRegex(@"^(userId|userPrincipalName|appId)\s+eq\s+'([^']*)'$", RegexOptions.IgnoreCase)]
    private static partial Regex TextClause();

    [GeneratedRegex(@"^status/errorCode\s+(eq|ne)\s+(\d+)$", RegexOptions.IgnoreCase)]
    private static partial Regex ErrorCodeClause();
}
