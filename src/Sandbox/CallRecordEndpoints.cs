using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace WorkSights.Sandbox;

/// <summary>
/// Graph v1.0 Teams call records: the list (no relationships but <c>organizer_v2</c>; $filter on startDateTime and
/// participants_v2 id only; records of the last 30 days, published some minutes after the call ends), a single record with
/// $expand of sessions (with segments) and participants_v2, and the sessions and participants_v2 collections those
/// expansions continue in.
/// </summary>
internal static partial class CallRecordEndpoints
{
    private const string Role = "CallRecords.Read.All";

    /// <summary>The reference's largest pages of a record's participants and of its sessions.</summary>
    public const int ParticipantsPageSize = 130;

    public const int SessionsPageSize = 60;

    private static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    private sealed record ListPosition(string T, string? F, long S, string I, int P);

    /// <summary>Where a record's sessions or participants continue: tenant, record, offset, page size, segments expanded.</summary>
    private sealed record RelationPosition(string T, string C, string R, int O, int P, bool G);

    public static void Map(WebApplication app, SandboxState state)
    {
        app.MapGet("/v1.0/communications/callRecords", GraphFeedGuard.Guard(state, p => GraphFeedGuard.RequireRoles(p, Role), (ctx, p) => ListAsync(ctx, state, p)));
        app.MapGet("/v1.0/communications/callRecords/{id}", GraphFeedGuard.Guard(state, p => GraphFeedGuard.RequireRoles(p, Role), (ctx, p) => GetAsync(ctx, state, p)));
        app.MapGet("/v1.0/communications/callRecords/{id}/sessions", GraphFeedGuard.Guard(state, p => GraphFeedGuard.RequireRoles(p, Role), (ctx, p) => RelationAsync(ctx, state, p, "sessions")));
        app.MapGet("/v1.0/communications/callRecords/{id}/participants_v2", GraphFeedGuard.Guard(state, p => GraphFeedGuard.RequireRoles(p, Role), (ctx, p) => RelationAsync(ctx, state, p, "participants_v2")));
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
        var shape = state.CallRecordShape;
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
                CallRecordWriter.WriteRecordProperties(w, call, shape, b);
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
        var call = Find(ctx, state, principal);
        var b = state.BaseFor(ctx);
        var shape = state.CallRecordShape;
        var participantsPage = PageSize(ctx.Request, ParticipantsPageSize);
        var sessionsPage = PageSize(ctx.Request, SessionsPageSize);
        var expandedParticipants = CallRecordWriter.HasCurrent(shape) ? call.Participants : [];
        var odd = (participants && expandedParticipants.Length > participantsPage) || (sessions && call.Sessions.Length > sessionsPage)
            ? state.Faults.TakeOddCallRecordNextLink()
            : null;
        return Http.JsonAsync(ctx, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", $"{b}v1.0/$metadata#communications/callRecords/$entity");
            CallRecordWriter.WriteRecordProperties(w, call, shape, b);
            if (participants)
            {
                w.WriteString("participants_v2@odata.context", $"{b}v1.0/$metadata#communications/callRecords('{call.Id}')/participants_v2");
                if (expandedParticipants.Length > participantsPage)
                {
                    w.WriteString("participants_v2@odata.nextLink", NextLink(state, b, principal, call, "participants_v2", participantsPage, participantsPage, false, odd));
                }

                w.WriteStartArray("participants_v2");
                foreach (var participant in expandedParticipants.Take(participantsPage))
                {
                    CallRecordWriter.WriteParticipant(w, participant);
                }

                w.WriteEndArray();
            }

            if (sessions)
            {
                w.WriteString("sessions@odata.context", $"{b}v1.0/$metadata#communications/callRecords('{call.Id}')/sessions({(segments ? "segments()" : string.Empty)})");
                if (call.Sessions.Length > sessionsPage)
                {
                    w.WriteString("sessions@odata.nextLink", NextLink(state, b, principal, call, "sessions", sessionsPage, sessionsPage, segments, odd));
                }

                w.WriteStartArray("sessions");
                foreach (var session in call.Sessions.Take(sessionsPage))
                {
                    CallRecordWriter.WriteSession(w, session, segments, shape);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }, GraphFeedGuard.GraphContentType);
    }

    /// <summary>A page of a record's sessions (<c>$expand=segments</c> allowed) or participants_v2, first or continued.</summary>
    private static Task RelationAsync(HttpContext ctx, SandboxState state, GraphPrincipal principal, string relation)
    {
        var q = ctx.Request.Query;
        GraphFeedGuard.RejectUnsupported(q, "$filter", "$top", "$skip", "$orderby", "$search", "$count");
        var call = Find(ctx, state, principal);
        var limit = relation == "sessions" ? SessionsPageSize : ParticipantsPageSize;
        var (offset, pageSize, segments) = (0, PageSize(ctx.Request, limit), false);
        if (q.ContainsKey("$skiptoken"))
        {
            var at = state.Protector.Unprotect<RelationPosition>(q["$skiptoken"]);
            if (at is null || at.T != principal.TenantId || at.C != call.Id || at.R != relation)
            {
                throw new GraphFeedException(400, "BadRequest", "Invalid $skiptoken.");
            }

            (offset, pageSize, segments) = (at.O, at.P, at.G);
        }
        else if (relation == "sessions")
        {
            segments = ParseSessionExpand(q["$expand"].ToString());
        }
        else if (q.ContainsKey("$expand"))
        {
            throw new GraphFeedException(400, "BadRequest", "Query option '$expand' is not allowed on this resource.");
        }

        var shape = state.CallRecordShape;
        var b = state.BaseFor(ctx);
        var count = relation == "sessions" ? call.Sessions.Length : CallRecordWriter.HasCurrent(shape) ? call.Participants.Length : 0;
        var next = offset + pageSize < count ? NextLink(state, b, principal, call, relation, offset + pageSize, pageSize, segments, null) : null;
        return Http.JsonAsync(ctx, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", $"{b}v1.0/$metadata#communications/callRecords('{call.Id}')/{relation}");
            if (next is not null)
            {
                w.WriteString("@odata.nextLink", next);
            }

            w.WriteStartArray("value");
            if (relation == "sessions")
            {
                foreach (var session in call.Sessions.Skip(offset).Take(pageSize))
                {
                    CallRecordWriter.WriteSession(w, session, segments, shape);
                }
            }
            else
            {
                foreach (var participant in call.Participants.Skip(offset).Take(count == 0 ? 0 : pageSize))
                {
                    CallRecordWriter.WriteParticipant(w, participant);
                }
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }, GraphFeedGuard.GraphContentType);
    }

    private static GenCall Find(HttpContext ctx, SandboxState state, GraphPrincipal principal)
    {
        var now = state.Clock.GetUtcNow();
        var id = (string)ctx.Request.RouteValues["id"]!;
        return state.Calls.Find(state.Directory.Roster(principal.TenantId), id, now - Retention, now)
            ?? throw new GraphFeedException(404, "NotFound", $"The requested call record '{id}' was not found.");
    }

    /// <summary>The continuation of a record's sessions or participants, or (under the fault) the same in an odd form.</summary>
    private static string NextLink(SandboxState state, string b, GraphPrincipal principal, GenCall call, string relation, int offset, int pageSize, bool segments, SandboxOddNextLink? odd)
    {
        var token = state.Protector.Protect(new RelationPosition(principal.TenantId, call.Id, relation, offset, pageSize, segments));
        return odd switch
        {
            SandboxOddNextLink.MetadataContext => $"{b}v1.0/$metadata#communications/callRecords('{call.Id}')/{relation}?$skiptoken={token}",
            SandboxOddNextLink.ForeignHost => $"https://graph.example.invalid/v1.0/communications/callRecords/{call.Id}/{relation}?$skiptoken={token}",
            SandboxOddNextLink.Relative => $"communications/callRecords/{call.Id}/{relation}?$skiptoken={token}",
            _ => $"{b}v1.0/communications/callRecords/{call.Id}/{relation}?$skiptoken={token}",
        };
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

    /// <summary>The sessions collection expands nothing but its segments.</summary>
    private static bool ParseSessionExpand(string expand)
    {
        var segments = false;
        foreach (var part in TopLevelItems(expand))
        {
            segments = string.Equals(part.Trim(), "segments", StringComparison.OrdinalIgnoreCase)
                ? true
                : throw new GraphFeedException(400, "BadRequest", $"Parsing OData Select and Expand failed: '{part}' cannot be expanded on session.");
        }

        return segments;
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

    [GeneratedRegex(@"^startDateTime\s+(ge|gt|le|lt)\s+(\S+)$", RegexOptions.IgnoreCase)]
    private static partial Regex StartClause();

    [GeneratedRegex(@"^participants_v2/any\((\w+):\s*(\w+)/id\s+eq\s+'([^']+)'\)$", RegexOptions.IgnoreCase)]
    private static partial Regex ParticipantClause();
}
