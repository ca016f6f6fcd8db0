using System.Globalization;
using System.Text.Json;
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
        var nextLink = more
            ? $"{b}v1.0/communications/callRecords?$skiptoken={state.Protector.Protect(new ListPosition(principal.TenantId, filter, calls[^1].Start.UtcTicks, calls[^1].Id, pageSize))}"
            : null;
        return Http.JsonAsync(ctx, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", $"{b}v1.0/$metadata#communications/callRecords");
            if (nextLink is not null)
            {
                w.WriteString("@odata.nextLink", nextLink);
            }

            w.WriteStartArray("value");
            foreach (var call in calls)
            {
                w.WriteStartObject();
                WriteRecordProperties(w, call);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }, GraphFeedGuard.GraphContentType);
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
        return Http.JsonAsync(ctx, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", $"{b}v1.0/$metadata#communications/callRecords/$entity");
            WriteRecordProperties(w, call);
            if (participants)
            {
                w.WriteString("participants_v2@odata.context", $"{b}v1.0/$metadata#communications/callRecords('{call.Id}')/participants_v2");
                w.WriteStartArray("participants_v2");
                foreach (var participant in call.Participants)
                {
                    w.WriteStartObject();
                    w.WriteString("id", participant.UserId);
                    WriteIdentitySet(w, "identity", participant);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            if (sessions)
            {
                w.WriteString("sessions@odata.context", $"{b}v1.0/$metadata#communications/callRecords('{call.Id}')/sessions({(segments ? "segments()" : string.Empty)})");
                w.WriteStartArray("sessions");
                foreach (var session in call.Sessions)
                {
                    WriteSession(w, session, segments);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }, GraphFeedGuard.GraphContentType);
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

    private static void WriteRecordProperties(Utf8JsonWriter w, GenCall call)
    {
        w.WriteString("@odata.type", "#microsoft.graph.callRecords.callRecord");
        w.WriteString("id", call.Id);
        w.WriteNumber("version", 1);
        w.WriteString("type", call.IsGroup ? "groupCall" : "peerToPeer");
        w.WriteStartArray("modalities");
        foreach (var modality in call.Modalities)
        {
            w.WriteStringValue(modality);
        }

        w.WriteEndArray();
        w.WriteString("lastModifiedDateTime", GraphFeedGuard.Iso(call.PublishedAt));
        w.WriteString("startDateTime", GraphFeedGuard.Iso(call.Start));
        w.WriteString("endDateTime", GraphFeedGuard.Iso(call.End));
        w.WriteString("joinWebUrl", call.IsGroup ? $"https://teams.microsoft.com/l/meetup-join/19%3ameeting_{call.Id}%40thread.v2/0" : null);
        WriteIdentitySet(w, "organizer", call.Organizer);
        w.WriteStartArray("participants");
        foreach (var participant in call.Participants)
        {
            WriteIdentitySet(w, null, participant);
        }

        w.WriteEndArray();
    }

    private static void WriteSession(Utf8JsonWriter w, GenCallSession session, bool segments)
    {
        w.WriteStartObject();
        w.WriteString("id", session.Id);
        w.WriteStartArray("modalities");
        w.WriteStringValue("audio");
        w.WriteEndArray();
        WriteSpan(w, session);
        w.WriteBoolean("isTest", false);
        if (segments)
        {
            w.WriteStartArray("segments");
            w.WriteStartObject();
            w.WriteString("id", WorkGenerator.StableGuid(session.Id + ":segment"));
            WriteSpan(w, session);
            w.WriteStartArray("media");
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    /// <summary>What a session and its one segment share: times, failure and both endpoints.</summary>
    private static void WriteSpan(Utf8JsonWriter w, GenCallSession session)
    {
        w.WriteString("startDateTime", GraphFeedGuard.Iso(session.Start));
        w.WriteString("endDateTime", GraphFeedGuard.Iso(session.End));
        w.WriteNull("failureInfo");
        WriteEndpoint(w, "caller", session.Caller);
        WriteEndpoint(w, "callee", session.Callee);
    }

    /// <summary>A person's endpoint with their identity, or the meeting server's (no identity).</summary>
    private static void WriteEndpoint(Utf8JsonWriter w, string name, GenCallUser? user)
    {
        w.WriteStartObject(name);
        if (user is null)
        {
            w.WriteString("@odata.type", "#microsoft.graph.callRecords.serviceEndpoint");
            WriteUserAgent(w, "#microsoft.graph.callRecords.serviceUserAgent", ("role", "conferencing"));
        }
        else
        {
            w.WriteString("@odata.type", "#microsoft.graph.callRecords.participantEndpoint");
            w.WriteNull("name");
            WriteIdentitySet(w, "identity", user);
            WriteUserAgent(w, "#microsoft.graph.callRecords.clientUserAgent", ("platform", "windows"), ("productFamily", "teams"));
        }

        w.WriteEndObject();
    }

    private static void WriteUserAgent(Utf8JsonWriter w, string type, params (string Name, string Value)[] properties)
    {
        w.WriteStartObject("userAgent");
        w.WriteString("@odata.type", type);
        foreach (var (name, value) in properties)
        {
            w.WriteString(name, value);
        }

        w.WriteNull("applicationVersion");
        w.WriteNull("headerValue");
        w.WriteEndObject();
    }

    /// <param name="name">The property's name, or null for an array element.</param>
    private static void WriteIdentitySet(Utf8JsonWriter w, string? name, GenCallUser user)
    {
        if (name is null)
        {
            w.WriteStartObject();
        }
        else
        {
            w.WriteStartObject(name);
        }

        w.WriteNull("application");
        w.WriteNull("device");
        w.WriteNull("phone");
        w.WriteNull("guest");
        w.WriteStartObject("user");
        w.WriteString("id", user.UserId);
        w.WriteString("displayName", user.DisplayName);
        w.WriteString("tenantId", user.TenantId);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    [GeneratedRegex(@"^startDateTime\s+(ge|gt|le|lt)\s+(\S+)$", RegexOptions.IgnoreCase)]
    private static partial Regex StartClause();

    [GeneratedRegex(@"^participants_v2/any\((\w+):\s*(\w+)/id\s+eq\s+'([^']+)'\)$", RegexOptions.IgnoreCase)]
    private static partial Regex ParticipantClause();
}
