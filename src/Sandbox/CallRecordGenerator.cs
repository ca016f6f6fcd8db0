using System.Collections.Concurrent;

namespace WorkSights.Sandbox;

/// <summary>Someone in a call: a user of some organisation, or a phone number that dialled in (no name, no organisation).</summary>
internal sealed record GenCallUser(string UserId, string? DisplayName, string? TenantId, string? UserPrincipalName = null, bool IsPhone = false);

/// <summary>One leg of a call. In a peer-to-peer call the callee is the other person; in a group call it is the meeting server (null).</summary>
internal sealed record GenCallSession(string Id, GenCallUser Caller, GenCallUser? Callee, DateTimeOffset Start, DateTimeOffset End);

/// <summary>A Teams call as its record will read once published (some minutes after it ends).</summary>
internal sealed record GenCall(
    string Id,
    bool IsGroup,
    string[] Modalities,
    GenCallUser Organizer,
    GenCallUser[] Participants,
    GenCallSession[] Sessions,
    DateTimeOffset Start,
    DateTimeOffset End,
    DateTimeOffset PublishedAt);

/// <summary>
/// Deterministic Teams calls: each working person places 0–2 calls a workday with people of their circle, 1:1 or in a
/// group; some bring in a person of another organisation, and some group calls a phone dialling in. Every participant joins
/// and leaves at their own times, and some drop out and rejoin (disjoint sessions) or join from a second device (overlapping
/// sessions). Tests may place further calls (<see cref="Place"/>).
/// </summary>
internal sealed class CallRecordGenerator(WorkGenerator work)
{
    private static readonly string[] ExternalDomains = ["fabrikam.com", "adatum.com", "litware.com", "wingtiptoys.com"];
    private static readonly string[] ExternalNames = ["Alex Smith", "Maria Garcia", "Chen Kim", "Lars Berg", "Fatou Okoye", "Diego Lopez", "Hana Dubois", "Owen Walsh"];

    private readonly GeneratedDays<GenCall> cache = new(200_000);
    private readonly ConcurrentDictionary<string, GenCall> byId = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, GenCall>> placed = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Adds a call to the tenant's records (replacing one with the same id).</summary>
    public void Place(string tenantId, SandboxPlacedCall call)
    {
        if (call.Sessions.Count == 0)
        {
            throw new ArgumentException("A call record has at least one session.", nameof(call));
        }

        var sessions = call.Sessions.Select((s, i) => new GenCallSession(WorkGenerator.StableGuid($"{call.Id}:placed:{i}"), Of(s.Caller), s.Callee is null ? null : Of(s.Callee), s.Start, s.End)).ToArray();
        var gen = new GenCall(
            call.Id,
            call.Sessions.Any(s => s.Callee is null),
            ["audio"],
            Of(call.Organizer),
            [.. call.Participants.Select(Of)],
            sessions,
            sessions.Min(s => s.Start),
            sessions.Max(s => s.End),
            call.PublishedAt);
        placed.GetOrAdd(tenantId, _ => new(StringComparer.OrdinalIgnoreCase))[call.Id] = gen;
    }

    private static GenCallUser Of(SandboxCallParty party) => new(party.Id, party.DisplayName, party.TenantId, party.UserPrincipalName, party.IsPhone);

    /// <summary>Calls of the tenant that started in [from, to) and whose record is published at <paramref name="now"/>, by start then id.</summary>
    public List<GenCall> Published(WorkRoster roster, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        var result = new List<GenCall>();
        from = from < work.Floor ? work.Floor : from;
        if (to <= from)
        {
            return result;
        }

        foreach (var person in roster.Active)
        {
            for (var day = WorkGenerator.LocalDay(person.Zone, from); day <= WorkGenerator.LocalDay(person.Zone, to); day = day.AddDays(1))
            {
                result.AddRange(Placed(roster, person, day).Where(c => c.Start >= from && c.Start < to && c.PublishedAt <= now));
            }
        }

        if (placed.TryGetValue(roster.Tenant.TenantId, out var ofTenant))
        {
            result.AddRange(ofTenant.Values.Where(c => c.Start >= from && c.Start < to && c.PublishedAt <= now));
        }

        result.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.Id, b.Id));
        return result;
    }

    /// <summary>A published call of the tenant that started at or after <paramref name="from"/>.</summary>
    public GenCall? Find(WorkRoster roster, string id, DateTimeOffset from, DateTimeOffset now)
    {
        if (placed.TryGetValue(roster.Tenant.TenantId, out var ofTenant) && ofTenant.TryGetValue(id, out var placedCall))
        {
            return placedCall.Start >= from && placedCall.PublishedAt <= now ? placedCall : null;
        }

        if (!byId.TryGetValue(id, out var call))
        {
            Published(roster, from, now, now);
            byId.TryGetValue(id, out call);
        }

        return call is not null && call.Start >= from && call.PublishedAt <= now && IsOf(roster, call) ? call : null;
    }

    private static bool IsOf(WorkRoster roster, GenCall call) => call.Organizer.TenantId == roster.Tenant.TenantId;

    public GenCall[] Placed(WorkRoster roster, WorkPerson organizer, DateOnly day)
    {
        return cache.GetOrAdd(organizer.Id, day, () => Build(roster, organizer, day));
    }

    private GenCall[] Build(WorkRoster roster, WorkPerson o, DateOnly day)
    {
        if (!o.Active || WorkGenerator.IsWeekend(day) || WorkGenerator.OnVacation(o, day) || WorkGenerator.Local(o.Zone, day, 0) < work.Floor)
        {
            return [];
        }

        var tenant = roster.Tenant.TenantId;
        var rng = new WorkRng($"calls:{tenant}:{o.Id}:{day.DayNumber}");
        var circle = o.Circle.Select(roster.Find).OfType<WorkPerson>().Where(p => p.Active && !WorkGenerator.OnVacation(p, day)).ToList();
        if (circle.Count == 0)
        {
            return [];
        }

        var (dayStart, dayLength) = WorkGenerator.DayHours(o, day);
        var count = rng.Next(0, 3);
        var calls = new List<GenCall>(count);
        for (var i = 0; i < count; i++)
        {
            var isGroup = circle.Count >= 2 && rng.Chance(0.4);
            var others = new List<GenCallUser>();
            var wanted = isGroup ? rng.Next(2, Math.Min(5, circle.Count) + 1) : 1;
            for (var attempt = 0; attempt < wanted * 4 && others.Count < wanted; attempt++)
            {
                var candidate = rng.Pick(circle);
                if (others.All(x => x.UserId != candidate.Id))
                {
                    others.Add(User(candidate, tenant));
                }
            }

            if (rng.Chance(0.15))
            {
                isGroup = isGroup || rng.Chance(0.5);
                var domain = rng.Pick(ExternalDomains);
                var name = rng.Pick(ExternalNames);
                others.Add(new GenCallUser(WorkGenerator.StableGuid($"ext-user:{domain}:{name}"), name, WorkGenerator.StableGuid($"ext-tenant:{domain}")));
                if (!isGroup)
                {
                    others.RemoveAt(0);
                }
            }

            var id = WorkGenerator.StableGuid($"call:{tenant}:{o.Id}:{day.DayNumber}:{i}");
            var minutes = isGroup ? rng.Next(15, 91) : rng.Next(3, 46);
            var start = WorkGenerator.Local(o.Zone, day, dayStart + rng.Next(0, Math.Max(1, dayLength - minutes)), rng.Next(0, 60));
            var end = start.AddMinutes(minutes).AddSeconds(rng.Next(0, 60));
            var organizer = User(o, tenant);
            var sessions = isGroup ? GroupSessions(id, organizer, others, start, end, rng) : PeerSessions(id, organizer, others[0], start, end, rng);
            var dialIn = isGroup ? DialIn(id, start, end) : null;
            if (dialIn is not null)
            {
                sessions.Add(dialIn);
            }

            var first = sessions.Min(s => s.Start);
            var last = sessions.Max(s => s.End);
            var modalities = new List<string> { "audio" };
            if (rng.Chance(0.5))
            {
                modalities.Add("video");
            }

            if (rng.Chance(0.3))
            {
                modalities.Add("screenSharing");
            }

            GenCallUser[] participants = dialIn is null ? [organizer, .. others] : [organizer, .. others, dialIn.Caller];
            calls.Add(new GenCall(id, isGroup, [.. modalities], organizer, participants, [.. sessions], first, last, last.AddMinutes(rng.Next(1, 31))));
        }

        foreach (var call in calls)
        {
            byId[call.Id] = call;
        }

        return [.. calls];
    }

    /// <summary>One session between the two; sometimes the line drops and the caller rings again half a minute later.</summary>
    private static List<GenCallSession> PeerSessions(string callId, GenCallUser caller, GenCallUser callee, DateTimeOffset start, DateTimeOffset end, WorkRng rng)
    {
        if (rng.Chance(0.2) && end - start > TimeSpan.FromMinutes(4))
        {
            var drop = start + ((end - start) / 2);
            return
            [
                new(WorkGenerator.StableGuid($"{callId}:s0"), caller, callee, start, drop),
                new(WorkGenerator.StableGuid($"{callId}:s1"), caller, callee, drop.AddSeconds(30), end),
            ];
        }

        return [new(WorkGenerator.StableGuid($"{callId}:s0"), caller, callee, start, end)];
    }

    /// <summary>Each participant's own sessions with the meeting server: late joins, early leaves, rejoins and second devices.</summary>
    private static List<GenCallSession> GroupSessions(string callId, GenCallUser organizer, List<GenCallUser> others, DateTimeOffset start, DateTimeOffset end, WorkRng rng)
    {
        var sessions = new List<GenCallSession>();
        var length = (int)(end - start).TotalMinutes;
        foreach (var (person, index) in others.Prepend(organizer).Select((p, i) => (p, i)))
        {
            var join = start.AddMinutes(index == 0 ? 0 : rng.Next(0, Math.Min(9, length / 3))).AddSeconds(rng.Next(0, 60));
            var leave = end.AddMinutes(-rng.Next(0, Math.Min(11, length / 3)));
            var key = $"{callId}:{person.UserId}";
            var shape = rng.Next(10);
            if (shape < 2 && leave - join > TimeSpan.FromMinutes(10))
            {
                // Dropped out and came back: two disjoint sessions.
                var drop = join + ((leave - join) / 3);
                sessions.Add(new(WorkGenerator.StableGuid(key + ":0"), person, null, join, drop));
                sessions.Add(new(WorkGenerator.StableGuid(key + ":1"), person, null, drop.AddMinutes(2), leave));
            }
            else if (shape < 4 && leave - join > TimeSpan.FromMinutes(10))
            {
                // Joined again from a phone while still in on the laptop: overlapping sessions.
                sessions.Add(new(WorkGenerator.StableGuid(key + ":0"), person, null, join, leave));
                sessions.Add(new(WorkGenerator.StableGuid(key + ":1"), person, null, join.AddMinutes(3), join.AddMinutes(8)));
            }
            else
            {
                sessions.Add(new(WorkGenerator.StableGuid(key + ":0"), person, null, join, leave));
            }
        }

        return sessions;
    }

    /// <summary>
    /// One group call in ten has someone dial in by phone for part of it (their own draw, so the rest of the call is as it was
    /// before phones dialled in): a phone identity with no user, its one session with the meeting server.
    /// </summary>
    private static GenCallSession? DialIn(string callId, DateTimeOffset start, DateTimeOffset end)
    {
        var rng = new WorkRng($"dial-in:{callId}");
        if (!rng.Chance(0.1))
        {
            return null;
        }

        var number = "+1425555" + rng.Next(100, 10_000).ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
        var phone = new GenCallUser(number, null, null, null, IsPhone: true);
        var length = (int)(end - start).TotalMinutes;
        var join = start.AddMinutes(rng.Next(1, Math.Max(2, length / 3))).AddSeconds(rng.Next(0, 60));
        var leave = end.AddMinutes(-rng.Next(1, Math.Max(2, length / 3)));
        return new GenCallSession(WorkGenerator.StableGuid($"{callId}:{number}:0"), phone, null, join, leave > join ? leave : end);
    }

    private static GenCallUser User(WorkPerson person, string tenantId) => new(person.Id, person.Name, tenantId, person.User.UserPrincipalName);
}
