using System.Collections.Concurrent;

namespace WorkSights.Sandbox;

/// <summary>Someone in a call: a user of some organisation, with a display name.</summary>
internal sealed record GenCallUser(string UserId, string DisplayName, string TenantId);

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
/// group; some bring in a person of another organisation. Every participant joins and leaves at their own times, and some
/// drop out and rejoin (disjoint sessions) or join from a second device (overlapping sessions).
/// </summary>
internal sealed class CallRecordGenerator(WorkGenerator work)
{
    private static readonly string[] ExternalDomains = ["fabrikam.com", "adatum.com", "litware.com", "wingtiptoys.com"];
    private static readonly string[] ExternalNames = ["Alex Smith", "Maria Garcia", "Chen Kim", "Lars Berg", "Fatou Okoye", "Diego Lopez", "Hana Dubois", "Owen Walsh"];

    private readonly GeneratedDays<GenCall> cache = new(200_000);
    private readonly ConcurrentDictionary<string, GenCall> byId = new(StringComparer.OrdinalIgnoreCase);

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

        result.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.Id, b.Id));
        return result;
    }

    /// <summary>A published call of the tenant that started at or after <paramref name="from"/>.</summary>
    public GenCall? Find(WorkRoster roster, string id, DateTimeOffset from, DateTimeOffset now)
    {
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

            calls.Add(new GenCall(id, isGroup, [.. modalities], organizer, [organizer, .. others], [.. sessions], first, last, last.AddMinutes(rng.Next(1, 31))));
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

    private static GenCallUser User(WorkPerson person, string tenantId) => new(person.Id, person.Name, tenantId);
}
