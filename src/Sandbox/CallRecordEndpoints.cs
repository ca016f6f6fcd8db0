using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace WorkSights.Sandbox;

/// <summary>
/// Graph v1.0 Teams call records: the list (no relationships; $filter on startDateTime and participants_v2 id only; records
/// of the last 30 days, published some minutes after the call ends) and a single record with $expand of sessions
/// (with segments) and participants_v2.
/// </summary>
internal static partial class CallRecordEndpoints
{
    private const string Role = "CallRecords.Read.All";
    private static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    private sealed record ListPosition(string T, string? F, long S, string I, int P);

    public static void Map(WebApplication app, SandboxState state)
    {
        app.MapGet("/v1.0/communications/callRecords", GraphFeedGuard.Guard(state, p => GraphFeedGuard.RequireRoles(p, Role), (ctx, p) => ListAsync(ctx, state, p)));
        app.MapGet("/v1.0/communications/callRecords/{id}", GraphFeedGuard.Guard(state, p => GraphFeedGuard.RequireRoles(p, Role), (ctx, p) => GetAsync(ctx, state, p)));
    }

    private static Task ListAsync(HttpContext ctx, SandboxState state, GraphPrincipal principal)
    {
        var q = ctx.Request.Query;
        GraphFeedGuard.RejectUnsupported(q, "$expand", "$top", "$skip", "$orderby", "$search", "$count");
        var now = state.Clock.GetUtcNow();
        var filter = q["$filter"].ToString();
        ListPosition? after = null;
        if (q.ContainsKey("$skiptoken"))
        {
            after = state.Protector.Unprotect<ListPosition>(q["$skiptoken"]);
            if (after is null || after.T != principal.TenantId)
            {
                throw new GraphFeedException(400, "BadRequest", "Invalid $skiptoken.");
            }

            filter = after.F ?? string.Empty;
        }

        var (range, participant) = ParseFilter(filter, now);
        var pageSize = after?.P ?? PageSize(ctx.Request, state.Options.CallRecordsPageSize);
        var roster = state.Directory.Roster(principal.TenantId);
        var calls = state.Calls.Published(roster, range.From, range.To, now)
            .Where(c => participant is null || c.Participants.Any(p => string.Equals(p.UserId, participant, StringComparison.OrdinalIgnoreCase)))
            .Where(c => after is null || c.Start.UtcTicks > after.S || (c.Start.UtcTicks == after.S && string.CompareOrdinal(c.Id, after.I) > 0))
            .Take(pageSize + 1)
            .ToList();
        var more = calls.Count > pageSize;
        if (more)
        {
            calls.RemoveAt(pageSize);
        }

        var b = state.BaseFor(ctx);
        var body = new JsonObject { ["@odata.context"] = $"{b}v1.0/$metadata#communications/callRecords" };
        if (more)
        {
            var position = new ListPosition(principal.TenantId, filter, calls[^1].Start.UtcTicks, calls[^1].Id, pageSize);
            body["@odata.nextLink"] = $"{b}v1.0/communications/callRecords?$skiptoken={state.Protector.Protect(position)}";
        }

        body["value"] = new JsonArray([.. calls.Select(c => (JsonNode?)RecordJson(c))]);
        return Http.JsonAsync(ctx, 200, body, GraphFeedGuard.GraphContentType);
    }

    private static Task GetAsync(HttpContext ctx, SandboxState state, GraphPrincipal principal)
    {
        var q = ctx.Request.Query;
        GraphFeedGuard.RejectUnsupported(q, "$filter", "$top", "$skip", "$orderby", "$search", "$count");
        var (sessions, segments, participants) = ParseExpand(q["$expand"].ToString());
        var now = state.Clock.GetUtcNow();
        var id = (string)ctx.Request.RouteValues["id"]!;
        var call = state.Calls.Find(state.Directory.Roster(principal.TenantId), id, now - Retention, now)
            ?? throw new GraphFeedException(404, "NotFound", $"The requested call record '{id}' was not found.");
        var b = state.BaseFor(ctx);
        var body = RecordJson(call);
        body.Insert(0, "@odata.context", $"{b}v1.0/$metadata#communications/callRecords/$entity");
        if (participants)
        {
            body["participants_v2@odata.context"] = $"{b}v1.0/$metadata#communications/callRecords('{call.Id}')/participants_v2";
            body["participants_v2"] = new JsonArray([.. call.Participants.Select(p => (JsonNode?)new JsonObject { ["id"] = p.UserId, ["identity"] = IdentitySet(p) })]);
        }

        if (sessions)
        {
            body["sessions@odata.context"] = $"{b}v1.0/$metadata#communications/callRecords('{call.Id}')/sessions({(segments ? "segments()" : string.Empty)})";
            body["sessions"] = new JsonArray([.. call.Sessions.Select(s => (JsonNode?)SessionJson(s, segments))]);
        }

        return Http.JsonAsync(ctx, 200, body, GraphFeedGuard.GraphContentType);
    }

    /// <summary>startDateTime comparisons and one participants_v2 id; records older than 30 days are never returned.</summary>
    private static ((DateTimeOffset From, DateTimeOffset To) Range, string? Participant) ParseFilter(string filter, DateTimeOffset now)
    {
        (DateTimeOffset From, DateTimeOffset To) range = (now - Retention, now.AddTicks(1));
        string? participant = null;
        foreach (var clause in GraphFeedGuard.Clauses(filter))
        {
            if (StartClause().Match(clause) is { Success: true } start)
            {
                range = GraphFeedGuard.Narrow(range, start.Groups[1].Value, GraphFeedGuard.Instant(start.Groups[2].Value, clause), clause);
            }
            else if (ParticipantClause().Match(clause) is { Success: true } p && p.Groups[1].Value == p.Groups[2].Value && participant is null)
            {
                participant = p.Groups[3].Value;
            }
            else
            {
                throw GraphFeedGuard.InvalidFilter(clause);
            }
        }

        return (range, participant);
    }

    private static (bool Sessions, bool Segments, bool Participants) ParseExpand(string expand)
    {
        var (sessions, segments, participants) = (false, false, false);
        foreach (var part in TopLevelItems(expand))
        {
            switch (part.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant())
            {
                case "sessions":
                    sessions = true;
                    break;
                case "sessions($expand=segments)":
                    (sessions, segments) = (true, true);
                    break;
                case "participants_v2":
                    participants = true;
                    break;
                default:
                    throw new GraphFeedException(400, "BadRequest", $"Parsing OData Select and Expand failed: '{part}' cannot be expanded on callRecord.");
            }
        }

        return (sessions, segments, participants);
    }

    private static IEnumerable<string> TopLevelItems(string value)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= value.Length; i++)
        {
            if (i == value.Length || (value[i] == ',' && depth == 0))
            {
                var item = value[start..i].Trim();
                if (item.Length > 0)
                {
                    yield return item;
                }

                start = i + 1;
            }
            else if (value[i] == '(')
            {
                depth++;
            }
            else if (value[i] == ')')
            {
                depth--;
            }
        }
    }

    private static int PageSize(HttpRequest request, int fallback)
    {
        foreach (var raw in request.Headers["Prefer"].SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.TrimEntries)))
        {
            if (raw.StartsWith("odata.maxpagesize=", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(raw["odata.maxpagesize=".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0)
            {
                return Math.Min(size, fallback);
            }
        }

        return fallback;
    }

    private static JsonObject RecordJson(GenCall call) => new()
    {
        ["@odata.type"] = "#microsoft.graph.callRecords.callRecord",
        ["id"] = call.Id,
        ["version"] = 1,
        ["type"] = call.IsGroup ? "groupCall" : "peerToPeer",
        ["modalities"] = new JsonArray([.. call.Modalities.Select(m => (JsonNode?)m)]),
        ["lastModifiedDateTime"] = GraphFeedGuard.Iso(call.PublishedAt),
        ["startDateTime"] = GraphFeedGuard.Iso(call.Start),
        ["endDateTime"] = GraphFeedGuard.Iso(call.End),
        ["joinWebUrl"] = call.IsGroup ? $"https://teams.microsoft.com/l/meetup-join/19%3ameeting_{call.Id}%40thread.v2/0" : null,
        ["organizer"] = IdentitySet(call.Organizer),
        ["participants"] = new JsonArray([.. call.Participants.Select(p => (JsonNode?)IdentitySet(p))]),
    };

    private static JsonObject SessionJson(GenCallSession session, bool segments)
    {
        var json = new JsonObject
        {
            ["id"] = session.Id,
            ["modalities"] = new JsonArray("audio"),
            ["startDateTime"] = GraphFeedGuard.Iso(session.Start),
            ["endDateTime"] = GraphFeedGuard.Iso(session.End),
            ["isTest"] = false,
            ["failureInfo"] = null,
            ["caller"] = Endpoint(session.Caller),
            ["callee"] = Endpoint(session.Callee),
        };
        if (segments)
        {
            json["segments"] = new JsonArray(new JsonObject
            {
                ["id"] = WorkGenerator.StableGuid(session.Id + ":segment"),
                ["startDateTime"] = GraphFeedGuard.Iso(session.Start),
                ["endDateTime"] = GraphFeedGuard.Iso(session.End),
                ["failureInfo"] = null,
                ["caller"] = Endpoint(session.Caller),
                ["callee"] = Endpoint(session.Callee),
                ["media"] = new JsonArray(),
            });
        }

        return json;
    }

    /// <summary>A person's endpoint with their identity, or the meeting server's (no identity).</summary>
    private static JsonObject Endpoint(GenCallUser? user) => user is null
        ? new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.callRecords.serviceEndpoint",
            ["userAgent"] = new JsonObject { ["@odata.type"] = "#microsoft.graph.callRecords.serviceUserAgent", ["role"] = "conferencing", ["applicationVersion"] = null, ["headerValue"] = null },
        }
        : new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.callRecords.participantEndpoint",
            ["name"] = null,
            ["identity"] = IdentitySet(user),
            ["userAgent"] = new JsonObject { ["@odata.type"] = "#microsoft.graph.callRecords.clientUserAgent", ["platform"] = "windows", ["productFamily"] = "teams", ["applicationVersion"] = null, ["headerValue"] = null },
        };

    private static JsonObject IdentitySet(GenCallUser user) => new()
    {
        ["application"] = null,
        ["device"] = null,
        ["phone"] = null,
        ["guest"] = null,
        ["user"] = new JsonObject { ["id"] = user.UserId, ["displayName"] = user.DisplayName, ["tenantId"] = user.TenantId },
    };

    [GeneratedRegex(@"^startDateTime\s+(ge|gt|le|lt)\s+(\S+)$", RegexOptions.IgnoreCase)]
    private static partial Regex StartClause();

    [GeneratedRegex(@"^participants_v2/any\((\w+):\s*(\w+)/id\s+eq\s+'([^']+)'\)$", RegexOptions.IgnoreCase)]
    private static partial Regex ParticipantClause();
}
