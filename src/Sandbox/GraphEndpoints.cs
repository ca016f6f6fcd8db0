using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace WorkSights.Sandbox;

/// <summary>Microsoft Graph v1.0 directory endpoints: /users, /users/delta, /users/{id}, /users/{id}/manager and the
/// user's directory roles, /users/{id}/transitiveMemberOf/microsoft.graph.directoryRole.</summary>
internal static class GraphEndpoints
{
    private const string GraphContentType = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
    private const string UserType = "#microsoft.graph.user";
    private const int MaxDeltaTokenAgeDays = 7;

    private static readonly string[] DefaultProperties =
        ["businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone", "officeLocation", "preferredLanguage", "surname", "userPrincipalName", "id"];

    private static readonly Dictionary<string, Func<SandboxUser, JsonNode?>> Properties = new(StringComparer.OrdinalIgnoreCase)
    {
        ["id"] = u => u.Id,
        ["displayName"] = u => u.DisplayName,
        ["givenName"] = u => u.GivenName,
        ["surname"] = u => u.Surname,
        ["mail"] = u => u.Mail,
        ["userPrincipalName"] = u => u.UserPrincipalName,
        ["jobTitle"] = u => u.JobTitle,
        ["department"] = u => u.Department,
        ["officeLocation"] = u => u.OfficeLocation,
        ["city"] = u => u.City,
        ["country"] = u => u.Country,
        ["userType"] = u => u.UserType,
        ["accountEnabled"] = u => u.AccountEnabled,
        ["assignedLicenses"] = u => new JsonArray([.. u.AssignedLicenseSkuIds.Select(s => (JsonNode?)new JsonObject { ["disabledPlans"] = new JsonArray(), ["skuId"] = s })]),
        ["createdDateTime"] = u => u.CreatedDateTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["usageLocation"] = u => u.UsageLocation,
        ["mailNickname"] = u => u.MailNickname,
        ["businessPhones"] = u => new JsonArray([.. u.BusinessPhones.Select(p => (JsonNode?)p)]),
        ["mobilePhone"] = u => u.MobilePhone,
        ["preferredLanguage"] = u => u.PreferredLanguage,
    };

    private sealed record SkipToken(string T, string A);

    private static readonly string[] DirectoryRoleProperties = ["id", "deletedDateTime", "description", "displayName", "roleTemplateId"];

    private sealed record DeltaState(string G, string T, long S, long U, string? A, string Sel, long I, int E, bool Skip);

    private sealed class GraphException(int status, string code, string message) : Exception(message)
    {
        public int Status { get; } = status;
        public string Code { get; } = code;
    }

    public static void Map(WebApplication app, SandboxState state)
    {
        app.MapGet("/v1.0/users", Guarded(state, ListUsersAsync));
        app.MapGet("/v1.0/users/delta", Guarded(state, DeltaAsync));
        app.MapGet("/v1.0/users/delta()", Guarded(state, DeltaAsync));
        app.MapGet("/v1.0/users/{id}", Guarded(state, GetUserAsync));
        app.MapGet("/v1.0/users/{id}/manager", Guarded(state, GetManagerAsync));

        // Graph accepts the cast with its full namespace or the short alias "graph." that the SDKs send.
        app.MapGet("/v1.0/users/{id}/transitiveMemberOf/microsoft.graph.directoryRole", Guarded(state, ListDirectoryRolesAsync));
        app.MapGet("/v1.0/users/{id}/transitiveMemberOf/graph.directoryRole", Guarded(state, ListDirectoryRolesAsync));
    }

    private static RequestDelegate Guarded(SandboxState state, Func<HttpContext, SandboxState, GraphPrincipal, Task> handler) => async ctx =>
    {
        var requestId = Guid.NewGuid().ToString();
        var clientRequestId = ctx.Request.Headers["client-request-id"].ToString();
        if (string.IsNullOrEmpty(clientRequestId))
        {
            clientRequestId = requestId;
        }

        ctx.Response.Headers["request-id"] = requestId;
        ctx.Response.Headers["client-request-id"] = clientRequestId;
        try
        {
            var header = ctx.Request.Headers.Authorization.ToString();
            if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
            {
                throw new GraphException(401, "InvalidAuthenticationToken", "Access token is empty.");
            }

            var principal = await state.Tokens.ValidateGraphTokenAsync(header[7..].Trim()).ConfigureAwait(false)
                ?? throw new GraphException(401, "InvalidAuthenticationToken", "Access token validation failure. Invalid audience, issuer, signature or lifetime.");

            if (state.Faults.TryTakeThrottle(out var retryAfter))
            {
                ctx.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                throw new GraphException(429, "TooManyRequests", "Too many requests. Retry after the number of seconds in the Retry-After header.");
            }

            if (!principal.Roles.Contains("User.Read.All") && !principal.Roles.Contains("Directory.Read.All"))
            {
                throw new GraphException(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
            }

            if (state.Faults.LatencyDelay > TimeSpan.Zero)
            {
                await Task.Delay(state.Faults.LatencyDelay, ctx.RequestAborted).ConfigureAwait(false);
            }

            await handler(ctx, state, principal).ConfigureAwait(false);
        }
        catch (GraphException ex)
        {
            if (ex.Status == 401)
            {
                ctx.Response.Headers.WWWAuthenticate = $"Bearer realm=\"\", authorization_uri=\"{state.BaseFor(ctx)}common/oauth2/authorize\", client_id=\"{TokenService.GraphAppId}\"";
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

    private static Task ListUsersAsync(HttpContext ctx, SandboxState state, GraphPrincipal principal)
    {
        var q = ctx.Request.Query;
        RejectUnsupported(q, "$filter", "$orderby", "$search", "$skip", "$count");
        var select = ParseSelect(q["$select"], allowManager: false);
        var top = ParseTop(q);

        var expandManager = ParseExpand(q["$expand"], out var managerSelect);
        string? after = null;
        if (q.ContainsKey("$skiptoken"))
        {
            var skip = state.Protector.Unprotect<SkipToken>(q["$skiptoken"]);
            if (skip is null || skip.T != principal.TenantId)
            {
                throw new GraphException(400, "Request_BadRequest", "Invalid skip token: the $skiptoken parameter could not be parsed.");
            }

            after = skip.A;
        }

        var all = state.Directory.GetUsers(principal.TenantId);
        var byId = all.ToDictionary(u => u.Id, StringComparer.OrdinalIgnoreCase);
        var page = all.Where(u => after is null || string.CompareOrdinal(u.Id, after) > 0).Take(top + 1).ToList();
        var more = page.Count > top;
        if (more)
        {
            page.RemoveAt(top);
        }

        var values = new JsonArray();
        foreach (var user in page)
        {
            var obj = Project(user, select ?? DefaultProperties);
            if (expandManager && user.ManagerId is not null && byId.TryGetValue(user.ManagerId, out var manager))
            {
                var m = new JsonObject { ["@odata.type"] = UserType };
                foreach (var (k, v) in Project(manager, managerSelect ?? DefaultProperties))
                {
                    m[k] = v?.DeepClone();
                }

                obj["manager"] = m;
            }

            values.Add(obj);
        }

        var b = state.BaseFor(ctx);
        var body = new JsonObject { ["@odata.context"] = Context(b, select, null) };
        if (more)
        {
            var link = new StringBuilder($"{b}v1.0/users?");
            foreach (var (key, value) in q.Where(p => p.Key != "$skiptoken"))
            {
                link.Append(key).Append('=').Append(Uri.EscapeDataString(value.ToString())).Append('&');
            }

            link.Append("$skiptoken=").Append(state.Protector.Protect(new SkipToken(principal.TenantId, page[^1].Id)));
            body["@odata.nextLink"] = link.ToString();
        }

        body["value"] = values;
        return Http.JsonAsync(ctx, 200, body, GraphContentType);
    }

    private static Task DeltaAsync(HttpContext ctx, SandboxState state, GraphPrincipal principal)
    {
        var q = ctx.Request.Query;
        if (q.ContainsKey("$top"))
        {
            throw new GraphException(400, "Request_BadRequest", "The query parameter '$top' is not supported with change tracking over the 'Users' resource.");
        }

        RejectUnsupported(q, "$expand", "$orderby", "$filter", "$search", "$skip", "$count");
        var now = state.Clock.GetUtcNow();
        var current = state.Directory.CurrentSequence(principal.TenantId);
        var b = state.BaseFor(ctx);
        string selectText;
        long since;
        long upTo;
        string? after = null;
        var tokenText = q.ContainsKey("$deltatoken") ? (string?)q["$deltatoken"] : q.ContainsKey("$skiptoken") ? (string?)q["$skiptoken"] : null;
        if (tokenText is null || tokenText == "latest")
        {
            selectText = string.Join(',', ParseSelect(q["$select"], allowManager: true) ?? []);
            if (tokenText == "latest")
            {
                var latest = new DeltaState(state.Generation, principal.TenantId, current, 0, null, selectText, now.ToUnixTimeSeconds(), state.Faults.DeltaEpoch, false);
                return Http.JsonAsync(ctx, 200, new JsonObject
                {
                    ["@odata.context"] = Context(b, Split(selectText), "/delta"),
                    ["@odata.deltaLink"] = $"{b}v1.0/users/delta?$deltatoken={state.Protector.Protect(latest)}",
                    ["value"] = new JsonArray(),
                }, GraphContentType);
            }

            (since, upTo) = (-1, current);
        }
        else
        {
            var token = state.Protector.Unprotect<DeltaState>(tokenText);
            if (token is null || token.G != state.Generation || token.E != state.Faults.DeltaEpoch || now.ToUnixTimeSeconds() - token.I > MaxDeltaTokenAgeDays * 86400)
            {
                throw new GraphException(400, "syncStateNotFound", "The sync state generation was not found or has expired. Restart the sync without a token.");
            }

            if (token.T != principal.TenantId)
            {
                throw new GraphException(400, "Request_BadRequest", "The delta token belongs to another tenant.");
            }

            selectText = token.Sel;
            (since, upTo, after) = token.Skip ? (token.S, token.U, token.A) : (token.S, current, null);
        }

        var select = Split(selectText);
        var includeManager = select?.Contains("manager", StringComparer.OrdinalIgnoreCase) == true;
        var properties = select?.Where(s => !s.Equals("manager", StringComparison.OrdinalIgnoreCase)).ToArray() ?? DefaultProperties;
        var changes = state.Directory.GetChanges(principal.TenantId, since, upTo, after, Math.Max(1, state.Options.DeltaPageSize), out var more);
        var values = new JsonArray();
        foreach (var (user, removed) in changes)
        {
            if (removed is not null)
            {
                values.Add(new JsonObject { ["id"] = user.Id, ["@removed"] = new JsonObject { ["reason"] = removed } });
                continue;
            }

            var obj = Project(user, properties);
            if (includeManager && user.ManagerId is not null)
            {
                obj["manager@delta"] = new JsonArray(new JsonObject { ["@odata.type"] = UserType, ["id"] = user.ManagerId });
            }

            values.Add(obj);
        }

        var body = new JsonObject { ["@odata.context"] = Context(b, select, "/delta") };
        if (more)
        {
            var skip = new DeltaState(state.Generation, principal.TenantId, since, upTo, changes[^1].User.Id, selectText, now.ToUnixTimeSeconds(), state.Faults.DeltaEpoch, true);
            body["@odata.nextLink"] = $"{b}v1.0/users/delta?$skiptoken={state.Protector.Protect(skip)}";
        }
        else
        {
            var delta = new DeltaState(state.Generation, principal.TenantId, upTo, 0, null, selectText, now.ToUnixTimeSeconds(), state.Faults.DeltaEpoch, false);
            body["@odata.deltaLink"] = $"{b}v1.0/users/delta?$deltatoken={state.Protector.Protect(delta)}";
        }

        body["value"] = values;
        return Http.JsonAsync(ctx, 200, body, GraphContentType);
    }

    private static Task GetUserAsync(HttpContext ctx, SandboxState state, GraphPrincipal principal)
    {
        var user = FindUser(ctx, state, principal);
        var select = ParseSelect(ctx.Request.Query["$select"], allowManager: false);
        var obj = new JsonObject { ["@odata.context"] = $"{state.BaseFor(ctx)}v1.0/$metadata#users/$entity" };
        foreach (var (k, v) in Project(user, select ?? DefaultProperties))
        {
            obj[k] = v?.DeepClone();
        }

        return Http.JsonAsync(ctx, 200, obj, GraphContentType);
    }

    private static Task GetManagerAsync(HttpContext ctx, SandboxState state, GraphPrincipal principal)
    {
        var user = FindUser(ctx, state, principal);
        var manager = user.ManagerId is null ? null : state.Directory.FindUser(principal.TenantId, user.ManagerId);
        if (manager is null)
        {
            throw new GraphException(404, "Request_ResourceNotFound", $"Resource 'manager' does not exist or one of its queried reference-property objects are not present.");
        }

        var obj = new JsonObject { ["@odata.context"] = $"{state.BaseFor(ctx)}v1.0/$metadata#directoryObjects/$entity", ["@odata.type"] = UserType };
        foreach (var (k, v) in Project(manager, ParseSelect(ctx.Request.Query["$select"], allowManager: false) ?? DefaultProperties))
        {
            obj[k] = v?.DeepClone();
        }

        return Http.JsonAsync(ctx, 200, obj, GraphContentType);
    }

    /// <summary>The directory roles the user holds (the seed assigns them directly, so transitive and direct are the same),
    /// ordered by role template id, paged like other directory-object lists (default 100, at most 999).</summary>
    private static Task ListDirectoryRolesAsync(HttpContext ctx, SandboxState state, GraphPrincipal principal)
    {
        var q = ctx.Request.Query;
        RejectUnsupported(q, "$filter", "$orderby", "$search", "$expand", "$skip");
        var user = FindUser(ctx, state, principal);
        var select = Split(q["$select"]);
        foreach (var property in select ?? [])
        {
            if (!DirectoryRoleProperties.Contains(property, StringComparer.OrdinalIgnoreCase))
            {
                throw new GraphException(400, "Request_BadRequest", $"Parsing OData Select and Expand failed: Could not find a property named '{property}' on type 'microsoft.graph.directoryRole'.");
            }
        }

        var top = ParseTop(q);
        string? after = null;
        if (q.ContainsKey("$skiptoken"))
        {
            var skip = state.Protector.Unprotect<SkipToken>(q["$skiptoken"]);
            if (skip is null || skip.T != $"{principal.TenantId}:{user.Id}")
            {
                throw new GraphException(400, "Request_BadRequest", "Invalid skip token: the $skiptoken parameter could not be parsed.");
            }

            after = skip.A;
        }

        var held = user.DirectoryRoleIds.Order(StringComparer.Ordinal).ToList();
        var page = held.Where(r => after is null || string.CompareOrdinal(r, after) > 0).Take(top + 1).ToList();
        var more = page.Count > top;
        if (more)
        {
            page.RemoveAt(top);
        }

        var values = new JsonArray();
        foreach (var roleTemplateId in page)
        {
            var role = DirectoryRoles.Json(principal.TenantId, roleTemplateId);
            if (select is not null)
            {
                foreach (var name in DirectoryRoleProperties.Where(p => !select.Contains(p, StringComparer.OrdinalIgnoreCase) && p != "id"))
                {
                    role.Remove(name);
                }
            }

            values.Add(role);
        }

        var b = state.BaseFor(ctx);
        var body = new JsonObject
        {
            ["@odata.context"] = select is null ? $"{b}v1.0/$metadata#directoryRoles" : $"{b}v1.0/$metadata#directoryRoles({string.Join(',', select)})",
        };
        if (string.Equals(q["$count"], "true", StringComparison.OrdinalIgnoreCase))
        {
            body["@odata.count"] = held.Count;
        }

        if (more)
        {
            var link = new StringBuilder($"{b}v1.0{ctx.Request.Path.Value!["/v1.0".Length..]}?");
            foreach (var (key, value) in q.Where(p => p.Key != "$skiptoken"))
            {
                link.Append(key).Append('=').Append(Uri.EscapeDataString(value.ToString())).Append('&');
            }

            link.Append("$skiptoken=").Append(state.Protector.Protect(new SkipToken($"{principal.TenantId}:{user.Id}", page[^1])));
            body["@odata.nextLink"] = link.ToString();
        }

        body["value"] = values;
        return Http.JsonAsync(ctx, 200, body, GraphContentType);
    }

    private static int ParseTop(IQueryCollection q)
    {
        if (!q.ContainsKey("$top"))
        {
            return 100;
        }

        return int.TryParse(q["$top"], NumberStyles.None, CultureInfo.InvariantCulture, out var top) && top is >= 1 and <= 999
            ? top
            : throw new GraphException(400, "Request_BadRequest", $"Invalid page size specified: '{q["$top"]}'. Must be between 1 and 999 inclusive.");
    }

    private static SandboxUser FindUser(HttpContext ctx, SandboxState state, GraphPrincipal principal)
    {
        var key = (string)ctx.Request.RouteValues["id"]!;
        return state.Directory.FindUser(principal.TenantId, key)
            ?? state.Directory.GetUsers(principal.TenantId).FirstOrDefault(u => string.Equals(u.UserPrincipalName, key, StringComparison.OrdinalIgnoreCase))
            ?? throw new GraphException(404, "Request_ResourceNotFound", $"Resource '{key}' does not exist or one of its queried reference-property objects are not present.");
    }

    private static void RejectUnsupported(IQueryCollection q, params string[] options)
    {
        foreach (var option in options)
        {
            if (q.ContainsKey(option))
            {
                throw new GraphException(400, "Request_UnsupportedQuery", $"The query option '{option}' is not supported by the WorkSights sandbox on this resource.");
            }
        }
    }

    private static string[]? ParseSelect(string? value, bool allowManager)
    {
        var parts = Split(value);
        if (parts is null)
        {
            return null;
        }

        var result = new List<string>();
        foreach (var part in parts)
        {
            if (allowManager && part.Equals("manager", StringComparison.OrdinalIgnoreCase))
            {
                result.Add("manager");
                continue;
            }

            var canonical = Properties.Keys.FirstOrDefault(k => k.Equals(part, StringComparison.OrdinalIgnoreCase))
                ?? throw new GraphException(400, "Request_BadRequest", $"Parsing OData Select and Expand failed: Could not find a property named '{part}' on type 'microsoft.graph.user'.");
            if (!result.Contains(canonical))
            {
                result.Add(canonical);
            }
        }

        return result.Count == 0 ? null : [.. result];
    }

    private static bool ParseExpand(string? value, out string[]? managerSelect)
    {
        managerSelect = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        value = value.Trim();
        if (value.Equals("manager", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        const string prefix = "manager($select=";
        if (value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && value.EndsWith(')'))
        {
            managerSelect = ParseSelect(value[prefix.Length..^1], allowManager: false) ?? ["id"];
            return true;
        }

        throw new GraphException(400, "Request_BadRequest", $"Parsing OData Select and Expand failed: the sandbox supports only $expand=manager or manager($select=…), not '{value}'.");
    }

    private static string[]? Split(string? value)
    {
        var parts = (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length == 0 ? null : parts;
    }

    private static JsonObject Project(SandboxUser user, IEnumerable<string> properties)
    {
        var obj = new JsonObject();
        foreach (var name in properties)
        {
            obj[name] = Properties[name](user);
        }

        obj["id"] ??= user.Id;
        return obj;
    }

    private static string Context(string baseUrl, string[]? select, string? suffix) =>
        select is null ? $"{baseUrl}v1.0/$metadata#users{suffix}" : $"{baseUrl}v1.0/$metadata#users({string.Join(',', select)}){suffix}";
}
