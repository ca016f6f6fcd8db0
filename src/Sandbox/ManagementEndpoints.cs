using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace WorkSights.Sandbox;

/// <summary>
/// The Office 365 Management Activity API (PROTOCOLS.md D): subscriptions start/stop/list, the content listing with its
/// documented time-window rules and <c>NextPageUri</c> paging, and the content blobs. Needs an app token for
/// https://manage.office.com with the ActivityFeed.Read role.
/// </summary>
internal static class ManagementEndpoints
{
    public const string Prefix = "/api/v1.0";

    private static readonly TimeSpan LongestWindow = TimeSpan.FromHours(24);
    private static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    private sealed class FeedException(int status, string code, string message) : Exception(message)
    {
        public int Status { get; } = status;
        public string Code { get; } = code;
    }

    private sealed record Caller(HttpContext Ctx, SandboxState State, string TenantId, string AppId);

    private sealed record NextPage(string T, string C, long S, long E, int O);

    public static void Map(WebApplication app, SandboxState state)
    {
        const string feed = Prefix + "/{tenantId}/activity/feed";
        app.MapPost(feed + "/subscriptions/start", Guard(state, StartAsync));
        app.MapPost(feed + "/subscriptions/stop", Guard(state, StopAsync));
        app.MapGet(feed + "/subscriptions/list", Guard(state, ListSubscriptionsAsync));
        app.MapGet(feed + "/subscriptions/content", Guard(state, ListContentAsync));
        app.MapGet(feed + "/audit/{contentId}", Guard(state, GetContentAsync));
    }

    private static RequestDelegate Guard(SandboxState state, Func<Caller, Task> handler) => async ctx =>
    {
        try
        {
            var header = ctx.Request.Headers.Authorization.ToString();
            var principal = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7
                ? await state.Tokens.ValidateAccessTokenAsync(header[7..].Trim(), TokenService.ManagementAudience).ConfigureAwait(false)
                : null;
            if (principal is null || !principal.IsApp)
            {
                // The API answers a missing or unusable token the way ASP.NET Web API does, not with an AF code.
                ctx.Response.Headers.WWWAuthenticate = "Bearer";
                await Http.JsonAsync(ctx, 401, new JsonObject { ["Message"] = "Authorization has been denied for this request." }).ConfigureAwait(false);
                return;
            }

            var tenantId = (string)ctx.Request.RouteValues["tenantId"]!;
            if (!Guid.TryParse(tenantId, out _))
            {
                throw new FeedException(400, "AF20013", $"The tenant ID passed in the URL ({tenantId}) is not a valid GUID.");
            }

            if (!string.Equals(tenantId, principal.TenantId, StringComparison.OrdinalIgnoreCase))
            {
                throw new FeedException(401, "AF20010", $"The tenant ID passed in the URL ({tenantId}) does not match the tenant ID passed in the access token ({principal.TenantId}).");
            }

            if (!principal.Roles.Contains("ActivityFeed.Read"))
            {
                throw new FeedException(403, "AF10001", $"The permission set ({string.Join(' ', principal.Roles)}) sent in the request did not include the expected permission ActivityFeed.Read.");
            }

            if (state.Faults.TryTakeThrottle(out var retryAfter))
            {
                ctx.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                throw new FeedException(429, "AF429", $"Too many requests. Method={ctx.Request.Method}, PublisherId={tenantId}");
            }

            await handler(new Caller(ctx, state, principal.TenantId, principal.AppId ?? string.Empty)).ConfigureAwait(false);
        }
        catch (FeedException ex) when (!ctx.Response.HasStarted)
        {
            await ErrorAsync(ctx, ex.Status, ex.Code, ex.Message).ConfigureAwait(false);
        }
    };

    public static Task ErrorAsync(HttpContext ctx, int status, string code, string message) =>
        Http.JsonAsync(ctx, status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } });

    private static Task StartAsync(Caller c)
    {
        var contentType = ContentType(c.Ctx);
        return c.State.AuditLog.Start(c.TenantId, contentType) switch
        {
            SandboxAuditLog.StartOutcome.LoggingOff => throw Disabled(),
            SandboxAuditLog.StartOutcome.AlreadyEnabled => throw new FeedException(400, "AF20024", "The subscription is already enabled. No property change."),
            _ => Http.JsonAsync(c.Ctx, 200, SubscriptionJson(contentType, "enabled")),
        };
    }

    private static Task StopAsync(Caller c)
    {
        var contentType = ContentType(c.Ctx);
        if (c.State.AuditLog.StateOf(c.TenantId, contentType) == SandboxAuditLog.SubscriptionState.None)
        {
            throw new FeedException(400, "AF20022", "No subscription found for the specified content type.");
        }

        c.State.AuditLog.Stop(c.TenantId, contentType);
        c.Ctx.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    private static Task ListSubscriptionsAsync(Caller c) =>
        Http.JsonAsync(c.Ctx, 200, new JsonArray([.. c.State.AuditLog.Subscriptions(c.TenantId)
            .Select(s => (JsonNode?)SubscriptionJson(s.ContentType, c.State.AuditLog.IsEnabled(c.TenantId) ? s.Status : "disabled"))]));

    private static Task ListContentAsync(Caller c)
    {
        var q = c.Ctx.Request.Query;
        var contentType = ContentType(c.Ctx);
        RequireEnabled(c, contentType);
        var now = c.State.Clock.GetUtcNow();
        DateTimeOffset start, end;
        var offset = 0;
        if (q.ContainsKey("nextPage"))
        {
            var page = c.State.Protector.Unprotect<NextPage>(q["nextPage"]);
            if (page is null || page.T != c.TenantId || page.C != contentType)
            {
                throw new FeedException(400, "AF20031", $"Invalid nextPage Input: {q["nextPage"]}.");
            }

            (start, end, offset) = (new DateTimeOffset(page.S, TimeSpan.Zero), new DateTimeOffset(page.E, TimeSpan.Zero), page.O);
        }
        else
        {
            (start, end) = Window(q["startTime"], q["endTime"], now);
        }

        var blobs = Blobs(c, contentType, start, end, now);
        var size = c.State.Options.AuditContentPageSize;
        var body = new JsonArray([.. blobs.Skip(offset).Take(size).Select(b => (JsonNode?)ContentJson(c, contentType, b.Slot, b.Created))]);
        if (offset + size < blobs.Count)
        {
            var token = c.State.Protector.Protect(new NextPage(c.TenantId, contentType, start.UtcTicks, end.UtcTicks, offset + size));
            c.Ctx.Response.Headers["NextPageUri"] = Http.AppendQuery(
                $"{c.State.BaseFor(c.Ctx)}api/v1.0/{c.TenantId}/activity/feed/subscriptions/content",
                [new("contentType", contentType), new("startTime", Iso(start)), new("endTime", Iso(end)), new("nextPage", token)]);
        }

        return Http.JsonAsync(c.Ctx, 200, body);
    }

    private static Task GetContentAsync(Caller c)
    {
        var contentId = (string)c.Ctx.Request.RouteValues["contentId"]!;
        var parts = contentId.Split('$');
        if (parts.Length != 5 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var slot)
            || AuditGenerator.ContentTypes.FirstOrDefault(t => t.Replace('.', '_') == parts[3]) is not { } contentType)
        {
            throw new FeedException(400, "AF20052", $"Content ID {contentId} in the URL is invalid.");
        }

        if (!c.State.AuditLog.IsEnabled(c.TenantId))
        {
            throw Disabled();
        }

        var now = c.State.Clock.GetUtcNow();
        var created = AuditGenerator.BlobCreated(c.TenantId, contentType, slot);
        if (created < now - Retention)
        {
            throw new FeedException(400, "AF20051", $"Content requested with the key {contentId} has already expired. Content older than 7 days cannot be retrieved.");
        }

        var records = created <= now && c.State.AuditLog.WasEnabledAt(c.TenantId, contentType, created)
            ? c.State.Audit.Blob(c.TenantId, contentType, slot)
            : [];
        if (records.Count == 0)
        {
            throw new FeedException(404, "AF20050", $"The specified content ({contentId}) does not exist.");
        }

        return Http.JsonAsync(c.Ctx, 200, new JsonArray([.. records.Select(r => (JsonNode?)r.Json.DeepClone())]));
    }

    /// <summary>Blobs created in [start, end) and by now, in the order they became available.</summary>
    private static List<(long Slot, DateTimeOffset Created)> Blobs(Caller c, string contentType, DateTimeOffset start, DateTimeOffset end, DateTimeOffset now)
    {
        var blobs = new List<(long Slot, DateTimeOffset Created)>();
        for (var slot = AuditGenerator.SlotOf(start) - 3; slot <= AuditGenerator.SlotOf(end); slot++)
        {
            var created = AuditGenerator.BlobCreated(c.TenantId, contentType, slot);
            if (created >= start && created < end && created <= now
                && c.State.AuditLog.WasEnabledAt(c.TenantId, contentType, created)
                && c.State.Audit.Blob(c.TenantId, contentType, slot).Count > 0)
            {
                blobs.Add((slot, created));
            }
        }

        return [.. blobs.OrderBy(b => b.Created)];
    }

    private static (DateTimeOffset Start, DateTimeOffset End) Window(string? startText, string? endText, DateTimeOffset now)
    {
        const string rule = "Start time and end time must both be specified (or both omitted) and must be less than or equal to 24 hours apart, with the start time no more than 7 days in the past.";
        if (string.IsNullOrEmpty(startText) && string.IsNullOrEmpty(endText))
        {
            return (now - LongestWindow, now);
        }

        if (string.IsNullOrEmpty(startText) || string.IsNullOrEmpty(endText))
        {
            throw new FeedException(400, "AF20030", rule);
        }

        var start = Time(startText, "startTime");
        var end = Time(endText, "endTime");
        if (end <= start || end - start > LongestWindow || start < now - Retention)
        {
            throw new FeedException(400, "AF20030", rule);
        }

        return (start, end);
    }

    /// <summary>yyyy-MM-dd, yyyy-MM-ddTHH:mm or yyyy-MM-ddTHH:mm:ss, UTC (a trailing Z is accepted).</summary>
    private static DateTimeOffset Time(string text, string name)
    {
        string[] formats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];
        return DateTime.TryParseExact(text.TrimEnd('Z', 'z'), formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? new DateTimeOffset(value, TimeSpan.Zero)
            : throw new FeedException(400, "AF20002", $"Invalid parameter type: {name}. Expected type: datetime");
    }

    private static string ContentType(HttpContext ctx)
    {
        var value = ctx.Request.Query["contentType"].ToString();
        if (string.IsNullOrEmpty(value))
        {
            throw new FeedException(400, "AF20001", "Missing parameter: contentType.");
        }

        return AuditGenerator.ContentTypes.FirstOrDefault(t => string.Equals(t, value, StringComparison.OrdinalIgnoreCase))
            ?? throw new FeedException(400, "AF20020", "The specified content type is not valid.");
    }

    private static void RequireEnabled(Caller c, string contentType)
    {
        if (!c.State.AuditLog.IsEnabled(c.TenantId))
        {
            throw Disabled();
        }

        switch (c.State.AuditLog.StateOf(c.TenantId, contentType))
        {
            case SandboxAuditLog.SubscriptionState.None:
                throw new FeedException(400, "AF20022", "No subscription found for the specified content type.");
            case SandboxAuditLog.SubscriptionState.Disabled:
                throw Disabled();
        }
    }

    private static FeedException Disabled() => new(400, "AF20023", "The subscription was disabled.");

    private static JsonObject SubscriptionJson(string contentType, string status) =>
        new() { ["contentType"] = contentType, ["status"] = status, ["webhook"] = null };

    private static JsonObject ContentJson(Caller c, string contentType, long slot, DateTimeOffset created)
    {
        var stamp = created.UtcDateTime.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        var contentId = $"{slot.ToString(CultureInfo.InvariantCulture)}${stamp}${contentType.Replace('.', '_').ToLowerInvariant()}${contentType.Replace('.', '_')}$sandbox01";
        return new JsonObject
        {
            ["contentType"] = contentType,
            ["contentId"] = contentId,
            ["contentUri"] = $"{c.State.BaseFor(c.Ctx)}api/v1.0/{c.TenantId}/activity/feed/audit/{contentId}",
            ["contentCreated"] = Iso(created),
            ["contentExpiration"] = Iso(created + Retention),
        };
    }

    private static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
