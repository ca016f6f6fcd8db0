using System.Globalization;

namespace WorkSights.Sandbox;

internal readonly record struct MailAddress(string Name, string Address);

/// <summary>A sent message as generated (state over time: exists from <see cref="Sent"/>, removed from <see cref="DeletedAt"/>).</summary>
internal sealed record GenMessage(
    string Id,
    string ConversationId,
    string InternetMessageId,
    string Subject,
    DateTimeOffset Sent,
    DateTimeOffset? DeletedAt,
    bool IsDraft,
    MailAddress From,
    MailAddress[] To,
    MailAddress[] Cc,
    MailAddress[] Bcc,
    bool HasAttachments,
    string Importance,
    string[] Categories)
{
    public bool ExistsAt(DateTimeOffset now) => Sent <= now && !(DeletedAt <= now);

    public bool ChangedIn(DateTimeOffset after, DateTimeOffset upTo) =>
        (Sent > after && Sent <= upTo) || (DeletedAt is { } d && d > after && d <= upTo && Sent <= upTo);
}

internal sealed record GenAttendee(string? UserId, MailAddress Email, string Type, string Response, DateTimeOffset? ResponseTime);

/// <summary>A meeting as its organizer creates it; every participant's calendar shows a copy (same iCalUId).</summary>
internal sealed record GenMeeting(
    string ICalUId,
    string? SeriesKey,
    WorkPerson Organizer,
    string Subject,
    DateTimeOffset Start,
    DateTimeOffset End,
    bool IsAllDay,
    string? Location,
    bool Online,
    DateTimeOffset Created,
    DateTimeOffset? CancelledAt,
    DateTimeOffset? DeletedAt,
    string ShowAs,
    GenAttendee[] Attendees,
    bool Everyone)
{
    public bool ExistsAt(DateTimeOffset now) => Created <= now && !(DeletedAt <= now);

    /// <summary>The organizer's own copy disappears when they cancel; attendees keep it with isCancelled.</summary>
    public bool ExistsFor(WorkPerson mailbox, DateTimeOffset now) => ExistsAt(now) && !(Organizer.Id == mailbox.Id && CancelledAt <= now);

    public DateTimeOffset LastModifiedAt(DateTimeOffset now) => CancelledAt is { } c && c <= now ? c : Created;

    public bool ChangedIn(DateTimeOffset after, DateTimeOffset upTo) =>
        Created <= upTo && (Created > after || (CancelledAt is { } c && c > after && c <= upTo) || (DeletedAt is { } d && d > after && d <= upTo));

    public bool Includes(WorkPerson person) =>
        Organizer.Id == person.Id || (Everyone && person.Active) || Attendees.Any(a => a.UserId == person.Id);
}

/// <summary>Deterministic synthetic mail and calendar work. Every item is a pure function of tenant, person and local date
/// (plus the sandbox floor, 60 days before the start day); results are cached lazily.</summary>
internal sealed class WorkGenerator
{
    private const int CacheLimit = 200_000;

    internal static readonly string[] Topics =
    [
        "Q3 forecast", "Contract draft v2", "Sprint review notes", "Budget approval", "Hiring plan", "Customer escalation", "Release checklist",
        "Offsite agenda", "Pricing proposal", "Security review", "Onboarding plan", "Weekly status", "Board deck", "Renewal terms",
        "Roadmap priorities", "Incident follow-up", "Vendor shortlist", "Travel booking", "Expense report", "Training schedule",
        "Performance reviews", "Design feedback", "Launch plan", "Partner agreement", "Support backlog", "Quarterly business review",
        "Data migration", "Pipeline update", "Marketing brief", "Audit preparation", "Office move", "Team goals", "API deprecation",
        "Invoice questions", "Compliance training", "Capacity planning", "Customer feedback", "Proposal review", "Statement of work",
        "Architecture decision",
    ];

    private static readonly string[] ExternalDomains =
    [
        "fabrikam.com", "adatum.com", "litware.com", "tailspintoys.com", "wingtiptoys.com", "proseware.com", "woodgrovebank.com",
        "alpineskihouse.com", "fourthcoffee.com", "margiestravel.com",
    ];

    private static readonly string[] ExternalGiven = ["Alex", "Sam", "Jordan", "Maria", "Chen", "Priya", "Lars", "Fatou", "Diego", "Hana", "Owen", "Ines", "Kwame", "Lea", "Mikko", "Noor"];

    private static readonly string[] ExternalSurname = ["Smith", "Garcia", "Kim", "Nguyen", "Muller", "Rossi", "Silva", "Kowalczyk", "Okoye", "Berg", "Lopez", "Sharma", "Dubois", "Walsh"];

    private static readonly int[] RecipientCounts = [1, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5, 6, 8];

    private static readonly string[] Rooms = ["Rainier", "Baker", "Olympus", "Adams", "Hood", "Shasta"];

    private readonly GeneratedDays<GenMessage> mail = new(CacheLimit);
    private readonly GeneratedDays<GenMeeting> meetings = new(CacheLimit);

    public WorkGenerator(DateTimeOffset sandboxStart) =>
        Floor = new DateTimeOffset(sandboxStart.UtcDateTime.Date.AddDays(-60), TimeSpan.Zero);

    /// <summary>Nothing is generated before this instant (UTC midnight 60 days before the sandbox's start day).</summary>
    public DateTimeOffset Floor { get; }

    public static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    public static bool OnVacation(WorkPerson p, DateOnly day)
    {
        var dt = day.ToDateTime(TimeOnly.MinValue);
        return WorkRng.Unit($"vac:{p.Id}:{ISOWeek.GetYear(dt)}:{ISOWeek.GetWeekOfYear(dt)}") < 0.06;
    }

    /// <summary>Local start (minutes after midnight, 07:30–10:00) and length (7–9.5 h) of the person's working day.</summary>
    public static (int Start, int Length) DayHours(WorkPerson p, DateOnly day)
    {
        var rng = new WorkRng($"hours:{p.Id}:{day.DayNumber}");
        var start = Math.Clamp(p.Profile.UsualStartMinutes + (rng.Next(-2, 4) * 15), 450, 600);
        return (start, rng.Next(420, 571));
    }

    public static DateTimeOffset Local(TimeZoneInfo zone, DateOnly day, int minutes, int seconds = 0)
    {
        var dt = day.ToDateTime(TimeOnly.MinValue).AddMinutes(minutes).AddSeconds(seconds);
        if (zone.IsInvalidTime(dt))
        {
            dt = dt.AddHours(1);
        }

        return new DateTimeOffset(dt, zone.GetUtcOffset(dt)).ToUniversalTime();
    }

    public static DateOnly LocalDay(TimeZoneInfo zone, DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    public static string GraphId(string prefix, string key)
    {
        Span<byte> bytes = stackalloc byte[24];
        BitConverter.TryWriteBytes(bytes, WorkRng.Hash(key));
        BitConverter.TryWriteBytes(bytes[8..], WorkRng.Hash(key + "#1"));
        BitConverter.TryWriteBytes(bytes[16..], WorkRng.Hash(key + "#2"));
        return prefix + Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_') + "AAA=";
    }

    public static string StableGuid(string key)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, WorkRng.Hash(key));
        BitConverter.TryWriteBytes(bytes[8..], WorkRng.Hash(key + "#g"));
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString();
    }

    /// <summary>Sent items with a send time in [from, to] (deleted ones included; callers apply the state at their clock).</summary>
    public List<GenMessage> Mail(WorkRoster roster, WorkPerson p, DateTimeOffset from, DateTimeOffset to)
    {
        var result = new List<GenMessage>();
        if (!p.Active)
        {
            return result;
        }

        from = from < Floor ? Floor : from;
        if (to < from)
        {
            return result;
        }

        for (var day = LocalDay(p.Zone, from); day <= LocalDay(p.Zone, to); day = day.AddDays(1))
        {
            foreach (var m in MailForDay(roster, p, day))
            {
                if (m.Sent >= from && m.Sent <= to)
                {
                    result.Add(m);
                }
            }
        }

        return result;
    }

    /// <summary>Meetings in <paramref name="person"/>'s calendar overlapping [from, to).</summary>
    public List<GenMeeting> Calendar(WorkRoster roster, WorkPerson person, DateTimeOffset from, DateTimeOffset to)
    {
        var result = new List<GenMeeting>();
        if (!person.Active)
        {
            return result;
        }

        from = from < Floor ? Floor : from;
        if (to <= from)
        {
            return result;
        }

        var organizers = new List<WorkPerson> { person };
        foreach (var id in person.Circle.Append(roster.CeoId ?? string.Empty).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (id != person.Id && roster.Find(id) is { Active: true } o)
            {
                organizers.Add(o);
            }
        }

        foreach (var o in organizers)
        {
            for (var day = LocalDay(o.Zone, from).AddDays(-1); day <= LocalDay(o.Zone, to).AddDays(1); day = day.AddDays(1))
            {
                foreach (var m in Organized(roster, o, day))
                {
                    if (m.Start < to && m.End > from && m.Includes(person))
                    {
                        result.Add(m);
                    }
                }
            }
        }

        result.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.ICalUId, b.ICalUId));
        return result;
    }

    public GenMessage[] MailForDay(WorkRoster roster, WorkPerson p, DateOnly day) => mail.GetOrAdd(p.Id, day, () => BuildMail(roster, p, day));

    public GenMeeting[] Organized(WorkRoster roster, WorkPerson o, DateOnly day) => meetings.GetOrAdd(o.Id, day, () => BuildMeetings(roster, o, day));
    private GenMessage[] BuildMail(WorkRoster roster, WorkPerson p, DateOnly day)
    {
        if (!p.Active || Local(p.Zone, day.AddDays(1), 0) <= Floor)
        {
            return [];
        }

        var tenant = roster.Tenant.TenantId;
        var rng = new WorkRng($"mail:{tenant}:{p.Id}:{day.DayNumber}");
        var workday = !IsWeekend(day) && !OnVacation(p, day);
        var (start, length) = DayHours(p, day);
        var times = new List<int>();
        if (workday)
        {
            var count = Math.Clamp((int)Math.Round(5 + (35 * p.Intensity * (0.6 + (0.8 * rng.NextDouble())))), 5, 40);
            for (var i = 0; i < count; i++)
            {
                var u = rng.NextDouble();
                var m = u < 0.45 ? start + rng.Next(0, 180) : u < 0.8 ? start + 270 + rng.Next(0, 150) : start + rng.Next(0, length);
                times.Add((Math.Min(m, start + length) * 60) + rng.Next(0, 60));
            }

            if (count <= 36 && rng.Chance(0.15))
            {
                var tail = rng.Next(1, 5);
                for (var i = 0; i < tail; i++)
                {
                    times.Add(((start + length + 60 + rng.Next(0, 180)) * 60) + rng.Next(0, 60));
                }
            }
        }
        else if (rng.Chance(0.1))
        {
            var n = rng.Next(1, 4);
            for (var i = 0; i < n; i++)
            {
                times.Add(((600 + rng.Next(0, 600)) * 60) + rng.Next(0, 60));
            }
        }

        times.Sort();
        var dt = day.ToDateTime(TimeOnly.MinValue);
        var week = $"{ISOWeek.GetYear(dt)}w{ISOWeek.GetWeekOfYear(dt)}";
        var threads = Math.Max(2, times.Count / 3);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var domain = p.Address[(p.Address.IndexOf('@', StringComparison.Ordinal) + 1)..];
        var from = new MailAddress(p.Name, p.Address);
        var result = new List<GenMessage>(times.Count);
        for (var i = 0; i < times.Count; i++)
        {
            var sent = Local(p.Zone, day, times[i] / 60, times[i] % 60);
            var t = rng.Next(threads);
            var weekly = t % 2 == 0;
            var convKey = weekly ? $"{p.Id}:{week}:{t % 5}" : $"{p.Id}:{day.DayNumber}:{t}";
            var first = seen.Add(convKey);
            var crng = new WorkRng("conv:" + convKey);
            var external = crng.Chance(0.3);
            var topic = crng.Pick(Topics);
            var subject = crng.Chance(0.25) ? $"{topic} ({crng.Next(2, 9).ToString(CultureInfo.InvariantCulture)})" : topic;
            var isReply = !first || (weekly && day.DayOfWeek != DayOfWeek.Monday && crng.Chance(0.8));
            subject = isReply ? (rng.Chance(0.1) ? "Fw: " : "Re: ") + subject : subject;
            var recipients = Recipients(roster, p, crng, external);
            var k = recipients.Count;
            var cc = k > 2 ? crng.Next(0, k - 1) : 0;
            var to = recipients.Take(k - cc).ToArray();
            var ccList = recipients.Skip(k - cc).ToArray();
            MailAddress[] bcc = rng.Chance(0.05) && roster.Active.Count > 1 ? [Internal(roster, p, rng)] : [];
            if (sent < Floor)
            {
                continue;
            }

            var draft = rng.Chance(0.03);
            DateTimeOffset? deleted = !draft && rng.Chance(0.03) ? sent.AddMinutes(rng.Next(60, 4320)) : null;
            var key = $"{tenant}:{p.Id}:{day.DayNumber}:{i}";
            result.Add(new GenMessage(
                GraphId("AAMkAG", "msg:" + key),
                GraphId("AAQkAG", "conv:" + convKey),
                $"<{StableGuid("imid:" + key)}@{domain}>",
                subject,
                sent,
                deleted,
                draft,
                from,
                to,
                ccList,
                bcc,
                rng.Chance(0.15),
                rng.Chance(0.05) ? "high" : "normal",
                rng.Chance(0.05) ? ["Follow up"] : []));
        }

        return [.. result];
    }

    private static List<MailAddress> Recipients(WorkRoster roster, WorkPerson p, WorkRng crng, bool external)
    {
        var k = crng.Pick(RecipientCounts);
        var list = new List<MailAddress>(k);
        for (var j = 0; j < k * 3 && list.Count < k; j++)
        {
            var address = (external && (j == 0 || crng.Chance(0.5))) || roster.Active.Count <= 1 ? External(roster, crng) : Internal(roster, p, crng);
            if (!list.Any(a => string.Equals(a.Address, address.Address, StringComparison.OrdinalIgnoreCase)))
            {
                list.Add(address);
            }
        }

        return list;
    }

    private static MailAddress Internal(WorkRoster roster, WorkPerson p, WorkRng rng)
    {
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var id = p.Circle.Count > 0 && rng.Chance(0.65) ? rng.Pick(p.Circle) : rng.Pick(roster.Active).Id;
            if (id != p.Id && roster.Find(id) is { } person)
            {
                return new MailAddress(person.Name, person.Address);
            }
        }

        var other = roster.Active.First(a => a.Id != p.Id);
        return new MailAddress(other.Name, other.Address);
    }

    private static MailAddress External(WorkRoster roster, WorkRng rng)
    {
        var domain = rng.Pick(ExternalDomains);
        if (string.Equals(domain, roster.Tenant.PrimaryDomain, StringComparison.OrdinalIgnoreCase))
        {
            domain = "contoso-partners.com";
        }

        var given = rng.Pick(ExternalGiven);
        var surname = rng.Pick(ExternalSurname);
        return new MailAddress($"{given} {surname}", $"{given}.{surname}@{domain}".ToLowerInvariant());
    }

    private static string Company(string address)
    {
        var domain = address[(address.IndexOf('@', StringComparison.Ordinal) + 1)..];
        var name = domain[..domain.IndexOf('.', StringComparison.Ordinal)];
        return char.ToUpperInvariant(name[0]) + name[1..];
    }

    private GenMeeting[] BuildMeetings(WorkRoster roster, WorkPerson o, DateOnly day)
    {
        if (!o.Active || IsWeekend(day) || Local(o.Zone, day, 0) < Floor)
        {
            return [];
        }

        var list = new List<GenMeeting>();
        var rng = new WorkRng($"cal:{roster.Tenant.TenantId}:{o.Id}:{day.DayNumber}");
        var organizer = new MailAddress(o.Name, o.Address);
        var weekday = (int)day.DayOfWeek;
        var usual = o.Profile.UsualStartMinutes;

        // Weekly 1:1 with each direct report (series organised by the manager).
        foreach (var reportId in o.Reports)
        {
            var report = roster.Find(reportId)!;
            var seriesKey = $"1on1:{o.Id}:{reportId}";
            var s = new WorkRng(seriesKey);
            if (s.Next(1, 6) != weekday)
            {
                continue;
            }

            var start = Local(o.Zone, day, usual + 60 + (s.Next(0, 12) * 30));
            var occurrence = $"{seriesKey}:{day.DayNumber}";
            DateTimeOffset? cancelled = WorkRng.Unit("cx:" + occurrence) < 0.05 ? start.AddHours(-20) : null;
            list.Add(Meeting(roster, occurrence, seriesKey, o, $"{o.User.GivenName} / {report.User.GivenName} 1:1", start, start.AddMinutes(30), false,
                "Microsoft Teams Meeting", true, Floor, cancelled, "busy", [report], [], null));
        }

        // Weekly team meeting.
        if (o.Reports.Count >= 2)
        {
            var seriesKey = $"team:{o.Id}";
            var s = new WorkRng(seriesKey);
            if (s.Next(1, 6) == weekday)
            {
                var start = Local(o.Zone, day, usual + 30 + (s.Next(0, 4) * 30));
                var room = new MailAddress($"Conf Room {s.Pick(Rooms)}", $"room.{s.Pick(Rooms).ToLowerInvariant()}@{roster.Tenant.PrimaryDomain}");
                list.Add(Meeting(roster, $"{seriesKey}:{day.DayNumber}", seriesKey, o, $"{o.User.Department} team sync", start, start.AddMinutes(s.Chance(0.5) ? 45 : 60), false,
                    room.Name, s.Chance(0.7), Floor, null, "busy", [.. o.Reports.Select(r => roster.Find(r)!)], [], room));
            }
        }

        // Monthly all-hands (first Thursday, 2 hours) sent by the CEO to the whole company.
        if (o.Id == roster.CeoId && day.DayOfWeek == DayOfWeek.Thursday && day.Day <= 7)
        {
            var start = Local(o.Zone, day, 16 * 60);
            var seriesKey = $"allhands:{roster.Tenant.TenantId}";
            var everyone = new GenAttendee(null, new MailAddress($"All {roster.Tenant.DisplayName}", $"everyone@{roster.Tenant.PrimaryDomain}"), "required", "none", null);
            list.Add(new GenMeeting(IcalUid($"{seriesKey}:{day.DayNumber}"), seriesKey, o, "Monthly all-hands", start, start.AddHours(2), false,
                "Microsoft Teams Meeting", true, Floor, null, null, "busy", [everyone], true));
        }

        if (OnVacation(o, day))
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var created = Max(Floor, start.AddDays(-21));
            list.Add(Meeting(roster, $"vacation:{o.Id}:{day.DayNumber}", null, o, "Vacation", start, start.AddDays(1), true, null, false, created, null, "oof", [], [], null));
            return [.. list];
        }

        var (dayStart, length) = DayHours(o, day);

        // Ad-hoc meetings with colleagues and, sometimes, external people.
        var adHoc = rng.Next(0, 1 + (int)Math.Round(o.Intensity * 4));
        for (var i = 0; i < adHoc; i++)
        {
            var slot = dayStart + (rng.Next(0, Math.Max(1, (length - 60) / 30)) * 30);
            var minutes = rng.Pick([30, 30, 45, 60, 60, 90]);
            var start = Local(o.Zone, day, slot);
            var internals = new List<WorkPerson>();
            if (o.Circle.Count > 0)
            {
                var n = rng.Next(1, Math.Min(4, o.Circle.Count) + 1);
                for (var j = 0; j < n * 3 && internals.Count < n; j++)
                {
                    var candidate = roster.Find(rng.Pick(o.Circle))!;
                    if (!internals.Contains(candidate))
                    {
                        internals.Add(candidate);
                    }
                }
            }

            var externals = new List<MailAddress>();
            if (internals.Count == 0 || rng.Chance(0.3))
            {
                var n = rng.Next(1, 4);
                for (var j = 0; j < n; j++)
                {
                    externals.Add(External(roster, rng));
                }
            }

            var topic = rng.Pick(Topics);
            var subject = externals.Count > 0 ? $"{roster.Tenant.DisplayName.Split(' ')[0]} / {Company(externals[0].Address)}: {topic}" : topic;
            var created = Max(Floor, start.AddDays(-rng.Next(1, 11)).AddHours(-rng.Next(0, 8)));
            DateTimeOffset? cancelled = rng.Chance(0.08) ? created + ((start - created) * (0.2 + (0.7 * rng.NextDouble()))) : null;
            var online = rng.Chance(0.7);
            list.Add(Meeting(roster, $"adhoc:{o.Id}:{day.DayNumber}:{i}", null, o, subject, start, start.AddMinutes(minutes), false,
                online ? "Microsoft Teams Meeting" : $"Conf Room {rng.Pick(Rooms)}", online, created, cancelled, "busy", internals, externals, null));
        }

        // Focus time: a calendar block with no other attendee.
        if (rng.Chance(0.6))
        {
            var start = Local(o.Zone, day, rng.Chance(0.5) ? dayStart + 30 : dayStart + 300);
            var created = Max(Floor, start.AddDays(-rng.Next(0, 4)).AddHours(-rng.Next(1, 10)));
            var meeting = Meeting(roster, $"focus:{o.Id}:{day.DayNumber}", null, o, "Focus time", start, start.AddMinutes(rng.Pick([90, 120, 150, 180])), false,
                null, false, created, null, "busy", [], [], null);
            list.Add(rng.Chance(0.1) ? meeting with { DeletedAt = created + ((start - created) / 2) } : meeting);
        }

        // Off-site or all-day event (10+ hours).
        if (rng.Chance(0.04))
        {
            var external = External(roster, rng);
            if (rng.Chance(0.5))
            {
                var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                list.Add(Meeting(roster, $"allday:{o.Id}:{day.DayNumber}", null, o, $"Off-site: {rng.Pick(Topics)}", start, start.AddDays(1), true,
                    "Off-site", false, Max(Floor, start.AddDays(-14)), null, "busy", [], [], null));
            }
            else
            {
                var start = Local(o.Zone, day, 8 * 60);
                list.Add(Meeting(roster, $"workshop:{o.Id}:{day.DayNumber}", null, o, $"Customer workshop at {Company(external.Address)}", start, start.AddHours(11), false,
                    $"{Company(external.Address)} offices", false, Max(Floor, start.AddDays(-10)), null, "busy", [], [external], null));
            }
        }

        return [.. list];
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static string IcalUid(string key)
    {
        var a = WorkRng.Hash("ical:" + key);
        var b = WorkRng.Hash("ical2:" + key);
        return "040000008200E00074C5B7101A82E00800000000" + a.ToString("X16", CultureInfo.InvariantCulture) + b.ToString("X16", CultureInfo.InvariantCulture);
    }

    private static GenMeeting Meeting(
        WorkRoster roster, string key, string? seriesKey, WorkPerson organizer, string subject, DateTimeOffset start, DateTimeOffset end, bool allDay,
        string? location, bool online, DateTimeOffset created, DateTimeOffset? cancelled, string showAs, IReadOnlyList<WorkPerson> internals, IReadOnlyList<MailAddress> externals, MailAddress? room)
    {
        var attendees = new List<GenAttendee>();
        var day = DateOnly.FromDateTime(start.UtcDateTime);
        foreach (var person in internals)
        {
            attendees.Add(Attendee(key, person.Id, new MailAddress(person.Name, person.Address), "required", created, OnVacation(person, day)));
        }

        foreach (var (external, index) in externals.Select((e, i) => (e, i)))
        {
            attendees.Add(Attendee(key, null, external, index == 0 ? "required" : "optional", created, false));
        }

        if (room is { } r)
        {
            attendees.Add(new GenAttendee(null, r, "resource", "accepted", created.AddMinutes(1)));
        }

        _ = roster;
        return new GenMeeting(IcalUid(key), seriesKey, organizer, subject, start, end, allDay, location, online, created, cancelled, null, showAs, [.. attendees], false);
    }

    private static GenAttendee Attendee(string key, string? userId, MailAddress email, string type, DateTimeOffset created, bool onVacation)
    {
        var u = WorkRng.Unit($"resp:{key}:{email.Address}");
        var response = onVacation ? "declined" : u < 0.70 ? "accepted" : u < 0.80 ? "tentativelyAccepted" : u < 0.87 ? "declined" : "none";
        return new GenAttendee(userId, email, type, response, response == "none" ? null : created.AddMinutes(5 + (int)(u * 600)));
    }

    /// <summary>Response of <paramref name="person"/> to a company-wide meeting.</summary>
    public static string EveryoneResponse(GenMeeting meeting, WorkPerson person) =>
        OnVacation(person, DateOnly.FromDateTime(meeting.Start.UtcDateTime)) ? "declined" : WorkRng.Unit($"resp:{meeting.ICalUId}:{person.Id}") < 0.8 ? "accepted" : "tentativelyAccepted";
}
