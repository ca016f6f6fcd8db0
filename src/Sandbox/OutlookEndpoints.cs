using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace WorkSights.Sandbox;

/// <summary>Microsoft Graph v1.0 mail and calendar endpoints (sent items delta, calendarView delta), JSON batching,
/// the Outlook throttling envelope and the Graph-only faults (failure rate, malformed JSON).</summary>
internal static partial class OutlookEndpoints
{
    private const string GraphContentType = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
    private const int DefaultPageSize = 10;
    private const int MaxPageSize = 1000;

    private static readonly string[] MessageProperties =
    [
        "createdDateTime", "lastModifiedDateTime", "changeKey", "categories", "receivedDateTime", "sentDateTime", "hasAttachments", "internetMessageId",
        "subject", "importance", "parentFolderId", "conversationId", "isRead", "isDraft", "from", "sender", "toRecipients", "ccRecipients", "bccRecipients",
    ];

    private static readonly string[] BodyProperties = ["body", "bodyPreview", "uniqueBody"];

    /// <summary>Event times carry the organiser's zone by its Windows name, as Outlook writes it; the lookup is costly.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> WindowsZoneNames = new(StringComparer.Ordinal);

    private sealed class OutlookException(int status, string code, string message, double? retryAfter = null, string? location = null) : Exception(message)
    {
        public int Status { get; } = status;
        public string Code { get; } = code;
        public double? RetryAfter { get; } = retryAfter;
        public string? Location { get; } = location;
    }

    /// <summary>Sync state in delta/skip tokens. K: "m" mail, "c" calendar. Times are Unix milliseconds.</summary>
    private sealed record SyncToken(string G, int E, string T, string U, string K, string? Sel, long? F, long? W, long N, int O, bool Skip, int Ps, long? A, long? B);

    private sealed record Mailbox(HttpContext Ctx, SandboxState State, GraphPrincipal Principal, SandboxUser User, WorkPerson Person, WorkRoster Roster, string RequestId, string ClientRequestId);

    public static void Map(WebApplication app, SandboxState state)
    {
        // Shared, room and equipment mailboxes are mailboxes like any other to Exchange: their folders, mail and calendar are
        // served (empty, nobody works in them), so an organisation that takes one in anyway has it read without an error.
        app.MapGet("/v1.0/users/{id}/mailFolders/{folder}", Guard(state, MailRoles, GetFolderAsync, resourceMailboxes: true));
        // Shared, room and equipment mailboxes have settings (their purpose says what they are) though nobody works in them.
        foreach (var part in new[] { SandboxMailboxSettings.All, SandboxMailboxSettings.WorkingHours, SandboxMailboxSettings.TimeZone, SandboxMailboxSettings.UserPurpose })
        {
            app.MapGet(part.Length == 0 ? "/v1.0/users/{id}/mailboxSettings" : $"/v1.0/users/{{id}}/mailboxSettings/{part}", Guard(state, MailboxSettingsRoles, m => MailboxSettingsAsync(m, part), resourceMailboxes: true));
        }

        // The Graph SDK (Kiota) calls functions with parentheses: .../messages/delta() and .../calendarView/delta().
        foreach (var suffix in new[] { "delta", "delta()" })
        {
            app.MapGet($"/v1.0/users/{{id}}/mailFolders/{{folder}}/messages/{suffix}", Guard(state, MailRoles, MailDeltaAsync, resourceMailboxes: true));
            app.MapGet($"/v1.0/users/{{id}}/calendarView/{suffix}", Guard(state, CalendarRoles, CalendarDeltaAsync, resourceMailboxes: true));
        }
        app.MapPost("/v1.0/$batch", ctx => BatchAsync(ctx, state));
    }

    /// <summary>Middleware: failure rate and malformed JSON for Graph and audit feed requests (never identity or /sandbox; not again for batch items).</summary>
    public static async Task FaultsAsync(HttpContext ctx, RequestDelegate next, SandboxState state)
    {
        var isFeed = ctx.Request.Path.StartsWithSegments(ManagementEndpoints.Prefix, StringComparison.OrdinalIgnoreCase);
        if ((!ctx.Request.Path.StartsWithSegments("/v1.0", StringComparison.OrdinalIgnoreCase) && !isFeed) || state.IsBatchItem(ctx))
        {
            await next(ctx).ConfigureAwait(false);
            return;
        }

        if (state.Faults.TryFail(out var status))
        {
            if (status == 503)
            {
                ctx.Response.Headers.RetryAfter = "1";
            }

            if (isFeed)
            {
                await ManagementEndpoints.ErrorAsync(ctx, status, "AF50000", "An internal error occurred. Retry the request.").ConfigureAwait(false);
                return;
            }

            await WriteErrorAsync(ctx, state, status, status == 504 ? "GatewayTimeout" : "ServiceUnavailable",
                status == 504 ? "The gateway did not receive a response in time." : "The service is temporarily unavailable. Retry after the number of seconds in the Retry-After header.",
                Guid.NewGuid().ToString(), Guid.NewGuid().ToString()).ConfigureAwait(false);
            return;
        }

        if (state.Faults.TryTakeMalformed(out var variant))
        {
            ctx.Response.StatusCode = 200;
            ctx.Response.ContentType = GraphContentType;
            var text = variant switch
            {
                0 => $"{{\"@odata.context\":\"{state.BaseFor(ctx)}v1.0/$metadata#Collection(message)\",\"value\":[{{\"id\":\"AAMkAGE",
                1 => "{\"value\":[{\"id\":\"AAMkAGI\",,\"subject\":}]",
                _ => "<html><body>Service temporarily unavailable</body></html>",
            };
            await ctx.Response.WriteAsync(text, ctx.RequestAborted).ConfigureAwait(false);
            return;
        }

        await next(ctx).ConfigureAwait(false);
    }

    /// <summary>The application permissions that open each kind of endpoint (any one of them).</summary>
    private static readonly string[] MailRoles = ["Mail.ReadBasic.All", "Mail.Read"];
    private static readonly string[] CalendarRoles = ["Calendars.ReadBasic.All", "Calendars.Read"];
    private static readonly string[] MailboxSettingsRoles = ["MailboxSettings.Read", "MailboxSettings.ReadWrite"];

    private static RequestDelegate Guard(SandboxState state, string[] roles, Func<Mailbox, Task> handler, bool resourceMailboxes = false) => async ctx =>
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
                throw new OutlookException(401, "InvalidAuthenticationToken", "Access token is empty.");
            }

            var principal = await state.Tokens.ValidateGraphTokenAsync(header[7..].Trim()).ConfigureAwait(false)
                ?? throw new OutlookException(401, "InvalidAuthenticationToken", "Access token validation failure. Invalid audience, issuer, signature or lifetime.");
            if (state.Faults.TryTakeThrottle(out var forced))
            {
                throw new OutlookException(429, "TooManyRequests", "Too many requests. Retry after the number of seconds in the Retry-After header.", forced);
            }

            if (!roles.Any(principal.Roles.Contains))
            {
                throw new OutlookException(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
            }

            var key = (string)ctx.Request.RouteValues["id"]!;
            var user = state.Directory.FindUser(principal.TenantId, key)
                ?? state.Directory.GetUsers(principal.TenantId).FirstOrDefault(u =>
                    string.Equals(u.UserPrincipalName, key, StringComparison.OrdinalIgnoreCase) || string.Equals(u.Mail, key, StringComparison.OrdinalIgnoreCase))
                ?? throw new OutlookException(404, "ErrorItemNotFound", "The specified object was not found in the store.");
            var person = state.Directory.FindWorker(principal.TenantId, user.Id)
                ?? (resourceMailboxes && SandboxMailboxSettings.IsResourceMailbox(user) ? WorkRoster.Resource(user) : null)
                ?? throw new OutlookException(404, "MailboxNotEnabledForRESTAPI", "The mailbox is either inactive, soft-deleted, or is hosted on-premise.");
            var mailboxKey = $"{principal.TenantId}|{user.Id}";
            if (!state.Throttle.TryEnter(mailboxKey))
            {
                throw new OutlookException(429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.", 1);
            }

            try
            {
                if (!state.Throttle.TryCount($"{principal.AppId}|{mailboxKey}", out var retryAfter))
                {
                    throw new OutlookException(429, "ApplicationThrottled", "Application is over its MailboxRequestsPer10Minutes limit.", retryAfter);
                }

                if (state.Faults.LatencyDelay > TimeSpan.Zero)
                {
                    await Task.Delay(state.Faults.LatencyDelay, ctx.RequestAborted).ConfigureAwait(false);
                }

                await handler(new Mailbox(ctx, state, principal, user, person, state.Directory.Roster(principal.TenantId), requestId, clientRequestId)).ConfigureAwait(false);
            }
            finally
            {
                state.Throttle.Exit(mailboxKey);
            }
        }
        catch (OutlookException ex)
        {
            if (ex.RetryAfter is { } seconds)
            {
                ctx.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }

            if (ex.Location is not null)
            {
                ctx.Response.Headers.Location = ex.Location;
            }

            await WriteErrorAsync(ctx, state, ex.Status, ex.Code, ex.Message, requestId, clientRequestId).ConfigureAwait(false);
        }
    };

    private static Task WriteErrorAsync(HttpContext ctx, SandboxState state, int status, string code, string message, string requestId, string clientRequestId) =>
        Http.JsonAsync(ctx, status, new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = code,
                ["message"] = message,
                ["innerError"] = new JsonObject
                {
                    ["date"] = state.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
                    ["request-id"] = requestId,
                    ["client-request-id"] = clientRequestId,
                },
            },
        }, GraphContentType);

    private static string SentItemsId(Mailbox m) => WorkGenerator.GraphId("AAMkAGI", "sentitems:" + m.User.Id);

    private static void RequireSentItems(Mailbox m)
    {
        var folder = (string)m.Ctx.Request.RouteValues["folder"]!;
        if (!folder.Equals("sentitems", StringComparison.OrdinalIgnoreCase) && folder != SentItemsId(m))
        {
            throw new OutlookException(404, "ErrorItemNotFound", "The specified object was not found in the store.");
        }
    }

    private static Task GetFolderAsync(Mailbox m)
    {
        RequireSentItems(m);
        var count = m.State.Work.Mail(m.Roster, m.Person, m.State.Work.Floor, m.State.Clock.GetUtcNow()).Count(x => x.ExistsAt(m.State.Clock.GetUtcNow()));
        return Http.JsonAsync(m.Ctx, 200, new JsonObject
        {
            ["@odata.context"] = $"{m.State.BaseFor(m.Ctx)}v1.0/$metadata#users('{m.User.Id}')/mailFolders/$entity",
            ["id"] = SentItemsId(m),
            ["displayName"] = "Sent Items",
            ["parentFolderId"] = WorkGenerator.GraphId("AAMkAGI", "root:" + m.User.Id),
            ["childFolderCount"] = 0,
            ["unreadItemCount"] = 0,
            ["totalItemCount"] = count,
            ["sizeInBytes"] = count * 18_000,
            ["isHidden"] = false,
        }, GraphContentType);
    }

    private static Task MailboxSettingsAsync(Mailbox m, string part) =>
        Http.JsonAsync(m.Ctx, 200, SandboxMailboxSettings.Render(m.Person, m.User, part, $"{m.State.BaseFor(m.Ctx)}v1.0/$metadata#users('{m.User.Id}')/mailboxSettings"), GraphContentType);

    private static (int? PageSize, bool UtcAsked, List<string> Applied) ParsePrefer(HttpRequest request)
    {
        int? size = null;
        var utc = false;
        var applied = new List<string>();
        foreach (var value in request.Headers["Prefer"])
        {
            foreach (var raw in (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (raw.StartsWith("odata.maxpagesize=", StringComparison.OrdinalIgnoreCase) &&
                    int.TryParse(raw["odata.maxpagesize=".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
                {
                    size = Math.Min(n, MaxPageSize);
                    applied.Add($"odata.maxpagesize={size.Value.ToString(CultureInfo.InvariantCulture)}");
                }
                else if (raw.StartsWith("outlook.timezone=", StringComparison.OrdinalIgnoreCase))
                {
                    utc = true;
                    applied.Add("outlook.timezone=\"UTC\"");
                }
            }
        }

        return (size, utc, applied);
    }

    private static void Reject(IQueryCollection q, params string[] options)
    {
        foreach (var option in options)
        {
            if (q.ContainsKey(option))
            {
                throw new OutlookException(400, "ErrorInvalidUrlQuery", $"The query parameter '{option}' is not supported with change tracking over this resource.");
            }
        }
    }

    private static SyncToken? ReadToken(Mailbox m, string kind, string? location)
    {
        var q = m.Ctx.Request.Query;
        var text = q.ContainsKey("$deltatoken") ? (string?)q["$deltatoken"] : q.ContainsKey("$skiptoken") ? (string?)q["$skiptoken"] : null;
        if (text is null)
        {
            return null;
        }

        var token = m.State.Protector.Unprotect<SyncToken>(text);
        if (token is not null && (token.T != m.Principal.TenantId || token.U != m.User.Id || token.K != kind))
        {
            throw new OutlookException(400, "ErrorInvalidUrlQuery", "The delta token belongs to another mailbox or resource.");
        }

        if (token is null || token.G != m.State.Generation || token.E != m.State.Faults.DeltaEpoch)
        {
            if (token is not null && kind == "c" && token.A is { } a && token.B is { } b)
            {
                location = $"{location}?startDateTime={Uri.EscapeDataString(Http.Iso(DateTimeOffset.FromUnixTimeMilliseconds(a)))}&endDateTime={Uri.EscapeDataString(Http.Iso(DateTimeOffset.FromUnixTimeMilliseconds(b)))}";
            }

            var gone = m.State.Options.ExpiredOutlookDeltaStatus != 400;
            throw new OutlookException(gone ? 410 : 400, gone ? "SyncStateNotFound" : "syncStateNotFound",
                "The sync state is not found or has expired. Please reinitialize the synchronization without a token.", null, gone ? location : null);
        }

        return token;
    }

    [GeneratedRegex(@"^\s*receivedDateTime\s+(ge|gt)\s+(\S+)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ReceivedFilter();

    private static async Task MailDeltaAsync(Mailbox m)
    {
        RequireSentItems(m);
        var q = m.Ctx.Request.Query;
        var state = m.State;
        var basicOnly = !m.Principal.Roles.Contains("Mail.Read");
        Reject(q, "$search", "$skip", "$count");
        if (q.ContainsKey("$expand"))
        {
            throw basicOnly && q["$expand"].ToString().Contains("attachments", StringComparison.OrdinalIgnoreCase)
                ? new OutlookException(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.")
                : new OutlookException(400, "ErrorInvalidUrlQuery", "The sandbox does not support $expand on messages/delta.");
        }

        if (q.ContainsKey("$orderby") && !q["$orderby"].ToString().Trim().Equals("receivedDateTime desc", StringComparison.OrdinalIgnoreCase))
        {
            throw new OutlookException(400, "ErrorInvalidUrlQuery", "Only $orderby=receivedDateTime desc is supported with change tracking over messages.");
        }

        var b = state.BaseFor(m.Ctx);
        var path = $"{b}v1.0/users/{Uri.EscapeDataString((string)m.Ctx.Request.RouteValues["id"]!)}/mailFolders/{Uri.EscapeDataString((string)m.Ctx.Request.RouteValues["folder"]!)}/messages/delta";
        var (preferSize, _, applied) = ParsePrefer(m.Ctx.Request);
        var token = ReadToken(m, "m", path);
        string? select;
        long? filterFrom;
        if (token is null)
        {
            select = ParseMessageSelect(q["$select"], basicOnly);
            filterFrom = null;
            if (q.ContainsKey("$filter"))
            {
                var match = ReceivedFilter().Match(q["$filter"].ToString());
                if (!match.Success || !DateTimeOffset.TryParse(match.Groups[2].Value.Trim('\''), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since))
                {
                    throw new OutlookException(400, "ErrorInvalidUrlQuery", "Only $filter=receivedDateTime ge {DateTimeOffset} (or gt) is supported with change tracking over messages.");
                }

                filterFrom = since.ToUnixTimeMilliseconds() + (match.Groups[1].Value.Equals("gt", StringComparison.OrdinalIgnoreCase) ? 1 : 0);
            }
        }
        else
        {
            select = token.Sel;
            filterFrom = token.F;
        }

        var topSize = 0;
        if (q.ContainsKey("$top") && (!int.TryParse(q["$top"], NumberStyles.None, CultureInfo.InvariantCulture, out topSize) || topSize < 1 || topSize > MaxPageSize))
        {
            throw new OutlookException(400, "ErrorInvalidUrlQuery", "$top must be between 1 and 1000.");
        }

        var pageSize = preferSize ?? (topSize > 0 ? topSize : token?.Ps ?? DefaultPageSize);
        var now = state.Clock.GetUtcNow();
        var upTo = token is { Skip: true } ? DateTimeOffset.FromUnixTimeMilliseconds(token.N) : now;
        var watermark = token?.W is { } w ? DateTimeOffset.FromUnixTimeMilliseconds(w) : (DateTimeOffset?)null;
        var from = filterFrom is { } f ? DateTimeOffset.FromUnixTimeMilliseconds(f) : state.Work.Floor;
        var all = state.Work.Mail(m.Roster, m.Person, from, upTo)
            .Where(x => watermark is { } wm ? x.ChangedIn(wm, upTo) : x.ExistsAt(upTo))
            .OrderBy(x => x.Sent).ThenBy(x => x.Id, StringComparer.Ordinal)
            .ToList();
        var offset = token is { Skip: true } ? token.O : 0;
        var page = all.Skip(offset).Take(pageSize).ToList();
        var more = offset + page.Count < all.Count;
        var fields = select?.Split(',') ?? MessageProperties;
        string link;
        if (more)
        {
            var skip = new SyncToken(state.Generation, state.Faults.DeltaEpoch, m.Principal.TenantId, m.User.Id, "m", select, filterFrom, token?.W, upTo.ToUnixTimeMilliseconds(), offset + page.Count, true, pageSize, null, null);
            link = $"{path}?$skiptoken={state.Protector.Protect(skip)}";
        }
        else
        {
            var delta = new SyncToken(state.Generation, state.Faults.DeltaEpoch, m.Principal.TenantId, m.User.Id, "m", select, filterFrom, upTo.ToUnixTimeMilliseconds(), upTo.ToUnixTimeMilliseconds(), 0, false, pageSize, null, null);
            link = $"{path}?$deltatoken={state.Protector.Protect(delta)}";
        }

        if (applied.Count > 0)
        {
            m.Ctx.Response.Headers["Preference-Applied"] = string.Join(", ", applied);
        }

        await Http.JsonAsync(m.Ctx, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", $"{b}v1.0/$metadata#Collection(message)");
            w.WriteString(more ? "@odata.nextLink" : "@odata.deltaLink", link);
            w.WriteStartArray("value");
            foreach (var msg in page)
            {
                if (msg.ExistsAt(upTo))
                {
                    WriteMessage(w, m, msg, fields);
                }
                else
                {
                    WriteRemoved(w, "#microsoft.graph.message", msg.Id);
                }
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }, GraphContentType).ConfigureAwait(false);
    }

    private static void WriteRemoved(Utf8JsonWriter w, string type, string id)
    {
        w.WriteStartObject();
        w.WriteString("@odata.type", type);
        w.WriteString("id", id);
        w.WriteStartObject("@removed");
        w.WriteString("reason", "deleted");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static string? ParseMessageSelect(string? value, bool basicOnly)
    {
        var parts = (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            return null;
        }

        var result = new List<string>();
        foreach (var part in parts)
        {
            var body = BodyProperties.FirstOrDefault(p => p.Equals(part, StringComparison.OrdinalIgnoreCase));
            if (body is not null)
            {
                if (basicOnly)
                {
                    throw new OutlookException(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
                }

                result.Add(body);
                continue;
            }

            if (part.Equals("id", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var canonical = MessageProperties.FirstOrDefault(p => p.Equals(part, StringComparison.OrdinalIgnoreCase))
                ?? throw new OutlookException(400, "RequestBroker--ParseUri", $"Could not find a property named '{part}' on type 'microsoft.graph.message'.");
            if (!result.Contains(canonical))
            {
                result.Add(canonical);
            }
        }

        return result.Count == 0 ? "id" : string.Join(',', result);
    }

    private static void WriteAddress(Utf8JsonWriter w, MailAddress a)
    {
        w.WriteStartObject();
        WriteEmailAddress(w, a.Name, a.Address);
        w.WriteEndObject();
    }

    private static void WriteAddresses(Utf8JsonWriter w, string name, IEnumerable<MailAddress> list)
    {
        w.WriteStartArray(name);
        foreach (var a in list)
        {
            WriteAddress(w, a);
        }

        w.WriteEndArray();
    }

    private static void WriteMessage(Utf8JsonWriter w, Mailbox m, GenMessage msg, string[] fields)
    {
        var changeKey = "CQAAABYAAA" + msg.Id[^12..^4];
        w.WriteStartObject();
        w.WriteString("@odata.type", "#microsoft.graph.message");
        w.WriteString("@odata.etag", $"W/\"{changeKey}\"");
        w.WriteString("id", msg.Id);
        foreach (var field in fields)
        {
            switch (field)
            {
                case "createdDateTime" or "lastModifiedDateTime" or "receivedDateTime" or "sentDateTime":
                    w.WriteString(field, Http.Iso(msg.Sent));
                    break;
                case "changeKey":
                    w.WriteString(field, changeKey);
                    break;
                case "categories":
                    w.WriteStartArray(field);
                    foreach (var category in msg.Categories)
                    {
                        w.WriteStringValue(category);
                    }

                    w.WriteEndArray();
                    break;
                case "hasAttachments":
                    w.WriteBoolean(field, msg.HasAttachments);
                    break;
                case "internetMessageId":
                    w.WriteString(field, msg.InternetMessageId);
                    break;
                case "subject":
                    w.WriteString(field, msg.Subject);
                    break;
                case "importance":
                    w.WriteString(field, msg.Importance);
                    break;
                case "parentFolderId":
                    w.WriteString(field, SentItemsId(m));
                    break;
                case "conversationId":
                    w.WriteString(field, msg.ConversationId);
                    break;
                case "isRead":
                    w.WriteBoolean(field, true);
                    break;
                case "isDraft":
                    w.WriteBoolean(field, msg.IsDraft);
                    break;
                case "from" or "sender":
                    w.WritePropertyName(field);
                    WriteAddress(w, msg.From);
                    break;
                case "toRecipients":
                    WriteAddresses(w, field, msg.To);
                    break;
                case "ccRecipients":
                    WriteAddresses(w, field, msg.Cc);
                    break;
                case "bccRecipients":
                    WriteAddresses(w, field, msg.Bcc);
                    break;
                case "body" or "uniqueBody":
                    w.WriteStartObject(field);
                    w.WriteString("contentType", "text");
                    w.WriteString("content", string.Empty);
                    w.WriteEndObject();
                    break;
                case "bodyPreview":
                    w.WriteString(field, string.Empty);
                    break;
                case "id":
                    break;
                default:
                    w.WriteNull(field);
                    break;
            }
        }

        w.WriteEndObject();
    }

    private static async Task CalendarDeltaAsync(Mailbox m)
    {
        var q = m.Ctx.Request.Query;
        var state = m.State;
        Reject(q, "$select", "$filter", "$orderby", "$search", "$expand", "$skip", "$count");
        var b = state.BaseFor(m.Ctx);
        var path = $"{b}v1.0/users/{Uri.EscapeDataString((string)m.Ctx.Request.RouteValues["id"]!)}/calendarView/delta";
        var (preferSize, _, applied) = ParsePrefer(m.Ctx.Request);
        var token = ReadToken(m, "c", path);
        DateTimeOffset rangeStart;
        DateTimeOffset rangeEnd;
        if (token is null)
        {
            if (!TryParseTime(q["startDateTime"], out rangeStart) || !TryParseTime(q["endDateTime"], out rangeEnd))
            {
                throw new OutlookException(400, "ErrorInvalidParameter",
                    "This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.");
            }

            if (rangeEnd <= rangeStart)
            {
                throw new OutlookException(400, "ErrorInvalidParameter", "The value of EndDateTime must be later than StartDateTime.");
            }
        }
        else
        {
            rangeStart = DateTimeOffset.FromUnixTimeMilliseconds(token.A!.Value);
            rangeEnd = DateTimeOffset.FromUnixTimeMilliseconds(token.B!.Value);
        }

        var pageSize = preferSize ?? token?.Ps ?? DefaultPageSize;
        var now = state.Clock.GetUtcNow();
        var upTo = token is { Skip: true } ? DateTimeOffset.FromUnixTimeMilliseconds(token.N) : now;
        var watermark = token?.W is { } w ? DateTimeOffset.FromUnixTimeMilliseconds(w) : (DateTimeOffset?)null;
        var limit = now.AddDays(366);
        var all = state.Work.Calendar(m.Roster, m.Person, rangeStart, rangeEnd < limit ? rangeEnd : limit)
            .Where(x => watermark is { } wm ? x.ChangedIn(wm, upTo) : x.ExistsFor(m.Person, upTo))
            .ToList();
        var offset = token is { Skip: true } ? token.O : 0;
        var page = all.Skip(offset).Take(pageSize).ToList();
        var more = offset + page.Count < all.Count;
        var a = rangeStart.ToUnixTimeMilliseconds();
        var e = rangeEnd.ToUnixTimeMilliseconds();
        string link;
        if (more)
        {
            var skip = new SyncToken(state.Generation, state.Faults.DeltaEpoch, m.Principal.TenantId, m.User.Id, "c", null, null, token?.W, upTo.ToUnixTimeMilliseconds(), offset + page.Count, true, pageSize, a, e);
            link = $"{path}?$skiptoken={state.Protector.Protect(skip)}";
        }
        else
        {
            var delta = new SyncToken(state.Generation, state.Faults.DeltaEpoch, m.Principal.TenantId, m.User.Id, "c", null, null, upTo.ToUnixTimeMilliseconds(), upTo.ToUnixTimeMilliseconds(), 0, false, pageSize, a, e);
            link = $"{path}?$deltatoken={state.Protector.Protect(delta)}";
        }

        if (applied.Count > 0)
        {
            m.Ctx.Response.Headers["Preference-Applied"] = string.Join(", ", applied);
        }

        await Http.JsonAsync(m.Ctx, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", $"{b}v1.0/$metadata#Collection(event)");
            w.WriteString(more ? "@odata.nextLink" : "@odata.deltaLink", link);
            w.WriteStartArray("value");
            foreach (var meeting in page)
            {
                if (meeting.ExistsFor(m.Person, upTo))
                {
                    WriteEvent(w, m, meeting, upTo);
                }
                else
                {
                    WriteRemoved(w, "#microsoft.graph.event", EventId(m.Person, meeting.ICalUId));
                }
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }, GraphContentType).ConfigureAwait(false);
    }

    private static bool TryParseTime(string? value, out DateTimeOffset result) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out result);

    private static string EventId(WorkPerson mailbox, string key) => WorkGenerator.GraphId("AAMkAGE", $"evt:{mailbox.Id}:{key}");

    private static void WriteTime(Utf8JsonWriter w, string name, DateTimeOffset t)
    {
        w.WriteStartObject(name);
        w.WriteString("dateTime", t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture));
        w.WriteString("timeZone", "UTC");
        w.WriteEndObject();
    }

    private static void WriteResponse(Utf8JsonWriter w, string name, string response, DateTimeOffset? time)
    {
        w.WriteStartObject(name);
        w.WriteString("response", response);
        w.WriteString("time", time is { } t ? Http.Iso(t) : "0001-01-01T00:00:00Z");
        w.WriteEndObject();
    }

    private static void WriteEmailAddress(Utf8JsonWriter w, string name, string address)
    {
        w.WriteStartObject("emailAddress");
        w.WriteString("name", name);
        w.WriteString("address", address);
        w.WriteEndObject();
    }

    private static void WriteEvent(Utf8JsonWriter w, Mailbox m, GenMeeting e, DateTimeOffset now)
    {
        var me = m.Person;
        var isOrganizer = e.Organizer.Id == me.Id;
        var cancelled = e.CancelledAt is { } c && c <= now;
        var modified = e.LastModifiedAt(now);
        string response;
        DateTimeOffset? responseTime;
        if (isOrganizer)
        {
            (response, responseTime) = ("organizer", e.Created);
        }
        else if (e.Everyone)
        {
            (response, responseTime) = (WorkGenerator.EveryoneResponse(e, me), e.Created.AddHours(2));
        }
        else
        {
            var mine = e.Attendees.First(a => a.UserId == me.Id);
            (response, responseTime) = (mine.Response, mine.ResponseTime);
        }

        var id = EventId(me, e.ICalUId);
        var changeKey = "DwAAABYAAA" + id[^14..^4] + modified.ToUnixTimeSeconds().ToString("x", CultureInfo.InvariantCulture);
        var zone = WindowsZoneNames.GetOrAdd(e.Organizer.Profile.TimeZoneId, iana => TimeZoneInfo.TryConvertIanaIdToWindowsId(iana, out var windows) ? windows : "UTC");
        var isRoom = e.Attendees.Any(a => a.Type == "resource");
        var locationType = isRoom ? "conferenceRoom" : "default";
        w.WriteStartObject();
        w.WriteString("@odata.type", "#microsoft.graph.event");
        w.WriteString("@odata.etag", $"W/\"{changeKey}\"");
        w.WriteString("id", id);
        w.WriteString("createdDateTime", Http.Iso(e.Created));
        w.WriteString("lastModifiedDateTime", Http.Iso(modified));
        w.WriteString("changeKey", changeKey);
        w.WriteStartArray("categories");
        w.WriteEndArray();
        w.WriteNull("transactionId");
        w.WriteString("originalStartTimeZone", zone);
        w.WriteString("originalEndTimeZone", zone);
        w.WriteString("iCalUId", e.ICalUId);
        w.WriteString("uid", e.ICalUId);
        w.WriteNumber("reminderMinutesBeforeStart", 15);
        w.WriteBoolean("isReminderOn", !e.IsAllDay);
        w.WriteBoolean("hasAttachments", false);
        w.WriteString("subject", cancelled && !isOrganizer ? "Canceled: " + e.Subject : e.Subject);
        w.WriteString("importance", "normal");
        w.WriteString("sensitivity", "normal");
        w.WriteBoolean("isAllDay", e.IsAllDay);
        w.WriteBoolean("isCancelled", cancelled);
        w.WriteBoolean("isOrganizer", isOrganizer);
        w.WriteBoolean("responseRequested", e.Attendees.Length > 0);
        w.WriteString("seriesMasterId", e.SeriesKey is null ? null : EventId(me, e.SeriesKey));
        w.WriteString("showAs", cancelled ? "free" : e.ShowAs);
        w.WriteString("type", e.SeriesKey is null ? "singleInstance" : cancelled ? "exception" : "occurrence");
        w.WriteString("webLink", $"https://outlook.office365.com/owa/?itemid={Uri.EscapeDataString(id)}&exvsurl=1&path=/calendar/item");
        w.WriteNull("onlineMeetingUrl");
        w.WriteBoolean("isOnlineMeeting", e.Online);
        w.WriteString("onlineMeetingProvider", e.Online ? "teamsForBusiness" : "unknown");
        w.WriteBoolean("allowNewTimeProposals", true);
        w.WriteBoolean("isDraft", false);
        w.WriteBoolean("hideAttendees", false);
        WriteResponse(w, "responseStatus", response, responseTime);
        WriteTime(w, "start", e.Start);
        WriteTime(w, "end", e.End);
        w.WriteStartObject("location");
        w.WriteString("displayName", e.Location ?? string.Empty);
        w.WriteString("locationType", locationType);
        w.WriteString("uniqueIdType", "unknown");
        w.WriteEndObject();
        w.WriteStartArray("locations");
        if (e.Location is not null)
        {
            w.WriteStartObject();
            w.WriteString("displayName", e.Location);
            w.WriteString("locationType", locationType);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNull("recurrence");
        w.WriteStartArray("attendees");
        foreach (var a in e.Attendees)
        {
            w.WriteStartObject();
            w.WriteString("type", a.Type);
            WriteResponse(w, "status", a.Response, a.ResponseTime);
            WriteEmailAddress(w, a.Email.Name, a.Email.Address);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("organizer");
        WriteEmailAddress(w, e.Organizer.Name, e.Organizer.Address);
        w.WriteEndObject();
        if (e.Online)
        {
            w.WriteStartObject("onlineMeeting");
            w.WriteString("joinUrl", $"https://teams.microsoft.com/l/meetup-join/19%3ameeting_{WorkGenerator.GraphId(string.Empty, e.ICalUId)[..20]}%40thread.v2/0");
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("onlineMeeting");
        }

        w.WriteEndObject();
    }

    private static async Task BatchAsync(HttpContext ctx, SandboxState state)
    {
        var requestId = Guid.NewGuid().ToString();
        var clientRequestId = ctx.Request.Headers["client-request-id"].ToString();
        clientRequestId = string.IsNullOrEmpty(clientRequestId) ? requestId : clientRequestId;
        ctx.Response.Headers["request-id"] = requestId;
        ctx.Response.Headers["client-request-id"] = clientRequestId;
        var header = ctx.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || await state.Tokens.ValidateGraphTokenAsync(header[7..].Trim()).ConfigureAwait(false) is null)
        {
            await WriteErrorAsync(ctx, state, 401, "InvalidAuthenticationToken", "Access token is empty or invalid.", requestId, clientRequestId).ConfigureAwait(false);
            return;
        }

        JsonArray? requests;
        try
        {
            var doc = await JsonNode.ParseAsync(ctx.Request.Body, cancellationToken: ctx.RequestAborted).ConfigureAwait(false);
            requests = doc?["requests"] as JsonArray;
        }
        catch (JsonException)
        {
            requests = null;
        }

        string? problem = requests is null ? "The batch body must be a JSON object with a 'requests' array." : null;
        var items = new List<(string Id, string Method, string Url, JsonObject? Headers, string[] DependsOn)>();
        foreach (var node in requests ?? [])
        {
            if (node is not JsonObject item || item["id"]?.ToString() is not { Length: > 0 } id || item["url"]?.ToString() is not { Length: > 0 } url)
            {
                problem ??= "Every batch request needs an id, a method and a url.";
                continue;
            }

            var depends = item["dependsOn"] is JsonArray d ? d.Select(x => x?.ToString() ?? string.Empty).ToArray() : [];
            items.Add((id, item["method"]?.ToString() ?? "GET", url, item["headers"] as JsonObject, depends));
        }

        if (problem is null && items.Count > 20)
        {
            problem = "The number of requests in a batch exceeds the limit of 20.";
        }

        if (problem is null && items.Select(i => i.Id).Distinct(StringComparer.Ordinal).Count() != items.Count)
        {
            problem = "The batch contains duplicate request ids.";
        }

        if (problem is null && items.Any(i => i.DependsOn.Any(d => !items.Any(o => o.Id == d) || d == i.Id)))
        {
            problem = "A dependsOn entry refers to a request id that is not in the batch.";
        }

        if (problem is not null)
        {
            await WriteErrorAsync(ctx, state, 400, "BadRequest", problem, requestId, clientRequestId).ConfigureAwait(false);
            return;
        }

        var scheme = ctx.Request.IsHttps ? "https" : "http";
        var tasks = new Dictionary<string, Task<JsonObject>>(StringComparer.Ordinal);
        using var gate = new SemaphoreSlim(4);
        var results = new JsonObject[items.Count];
        var remaining = items.ToList();
        while (remaining.Count > 0)
        {
            var ready = remaining.Where(i => i.DependsOn.All(tasks.ContainsKey)).ToList();
            if (ready.Count == 0)
            {
                await WriteErrorAsync(ctx, state, 400, "BadRequest", "The dependsOn entries form a cycle.", requestId, clientRequestId).ConfigureAwait(false);
                return;
            }

            foreach (var item in ready)
            {
                var deps = item.DependsOn.Select(d => tasks[d]).ToArray();
                tasks[item.Id] = RunItemAsync(state, header, scheme, item.Id, item.Method, item.Url, item.Headers, deps, gate, ctx.RequestAborted);
                remaining.Remove(item);
            }
        }

        await Task.WhenAll(tasks.Values).ConfigureAwait(false);
        var responses = new JsonArray([.. tasks.Values.Select(t => (JsonNode?)t.Result)]);
        await Http.JsonAsync(ctx, 200, new JsonObject { ["responses"] = responses }, GraphContentType).ConfigureAwait(false);
    }

    private static async Task<JsonObject> RunItemAsync(
        SandboxState state, string authorization, string scheme, string id, string method, string url, JsonObject? headers, Task<JsonObject>[] deps, SemaphoreSlim gate, CancellationToken cancel)
    {
        foreach (var dep in deps)
        {
            var status = (await dep.ConfigureAwait(false))["status"]!.GetValue<int>();
            if (status >= 400)
            {
                return new JsonObject
                {
                    ["id"] = id,
                    ["status"] = 424,
                    ["headers"] = new JsonObject { ["Content-Type"] = "application/json" },
                    ["body"] = new JsonObject { ["error"] = new JsonObject { ["code"] = "FailedDependency", ["message"] = "A request this request depends on failed." } },
                };
            }
        }

        var relative = url.Trim();
        foreach (var prefix in new[] { "https://graph.microsoft.com/v1.0", state.HttpBase + "v1.0" })
        {
            if (relative.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                relative = relative[prefix.Length..];
            }
        }

        relative = "v1.0/" + relative.TrimStart('/');
        await gate.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), new Uri(state.HttpBase, relative));
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
            request.Headers.TryAddWithoutValidation(SandboxState.BatchHeader, $"{state.BatchSecret}:{scheme}");
            foreach (var (name, value) in headers ?? [])
            {
                request.Headers.TryAddWithoutValidation(name, value?.ToString());
            }

            using var response = await state.BatchClient.SendAsync(request, cancel).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancel).ConfigureAwait(false);
            var outHeaders = new JsonObject();
            foreach (var h in new[] { "Retry-After", "Location", "Preference-Applied" })
            {
                if (response.Headers.TryGetValues(h, out var values))
                {
                    outHeaders[h] = string.Join(", ", values);
                }
            }

            outHeaders["Content-Type"] = response.Content.Headers.ContentType?.ToString() ?? "application/json";
            JsonNode? body;
            try
            {
                body = text.Length == 0 ? null : JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                body = text;
            }

            return new JsonObject { ["id"] = id, ["status"] = (int)response.StatusCode, ["headers"] = outHeaders, ["body"] = body };
        }
        finally
        {
            gate.Release();
        }
    }
}
