using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace WorkSights.Sandbox;

/// <summary>One generated audit record: its content type, when it happened and when the feed makes it available.</summary>
internal sealed record AuditEvent(string ContentType, string Id, DateTimeOffset CreationTime, DateTimeOffset AvailableAt, bool AlsoInNextBlob, JsonObject Json);

/// <summary>
/// Deterministic unified-audit-log records from the work model: logins, mailbox access, SharePoint and OneDrive file
/// actions and Teams messages of every person who works, on their working days and hours, plus records the product
/// must skip (failed logins, other operations and workloads, a guest's file access). Each record becomes available a
/// few minutes to several hours after it happened; some are delivered in two consecutive blobs.
/// </summary>
internal sealed class AuditGenerator
{
    public static readonly TimeSpan SlotLength = TimeSpan.FromMinutes(30);

    public static readonly string[] ContentTypes = ["Audit.AzureActiveDirectory", "Audit.Exchange", "Audit.SharePoint", "Audit.General"];

    private static readonly string[] FileOperations =
        ["FileAccessed", "FileAccessed", "FileAccessed", "FileModified", "FileModified", "FileUploaded", "FileDownloaded", "FileRenamed", "FileMoved", "FileDeleted", "FilePreviewed"];

    private static readonly string[] Extensions = ["docx", "xlsx", "pptx", "pdf"];

    private static readonly string[] Channels = ["General", "Announcements", "Planning", "Support"];

    private readonly ConcurrentDictionary<(string Tenant, DateOnly Day), Dictionary<long, List<AuditEvent>>> slotsByDay = new();
    private readonly SandboxDirectory directory;

    public AuditGenerator(SandboxDirectory directory) => this.directory = directory;

    public static long SlotOf(DateTimeOffset instant) => instant.UtcTicks / SlotLength.Ticks;

    public static DateTimeOffset SlotStart(long slot) => new(slot * SlotLength.Ticks, TimeSpan.Zero);

    /// <summary>When the blob of <paramref name="slot"/> is created: after the slot closes, by up to 45 minutes, so creation order differs from slot order.</summary>
    public static DateTimeOffset BlobCreated(string tenantId, string contentType, long slot) =>
        SlotStart(slot + 1) + TimeSpan.FromSeconds(30 + (long)(WorkRng.Hash($"blob:{tenantId}:{contentType}:{slot}") % (45 * 60)));

    /// <summary>The records of one blob (records that became available in the slot, and the previous slot's repeats).</summary>
    public IReadOnlyList<AuditEvent> Blob(string tenantId, string contentType, long slot)
    {
        var own = Slot(tenantId, slot).Where(e => e.ContentType == contentType);
        var repeated = Slot(tenantId, slot - 1).Where(e => e.ContentType == contentType && e.AlsoInNextBlob);
        return [.. own.Concat(repeated)];
    }

    private List<AuditEvent> Slot(string tenantId, long slot)
    {
        var start = SlotStart(slot);
        var day = DateOnly.FromDateTime(start.UtcDateTime);
        var slots = slotsByDay.GetOrAdd((tenantId, day), key => BuildDay(key.Tenant, key.Day));
        return slots.GetValueOrDefault(slot) ?? [];
    }

    /// <summary>Every record that becomes available on one UTC day, by slot. Records happen up to 10 h before they are
    /// available and local days straddle UTC days, so the local days around it are generated.</summary>
    private Dictionary<long, List<AuditEvent>> BuildDay(string tenantId, DateOnly utcDay)
    {
        var from = new DateTimeOffset(utcDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var to = from.AddDays(1);
        var roster = directory.Roster(tenantId);
        var slots = new Dictionary<long, List<AuditEvent>>();
        foreach (var person in roster.Active)
        {
            for (var day = utcDay.AddDays(-2); day <= utcDay.AddDays(1); day = day.AddDays(1))
            {
                foreach (var record in PersonDay(roster, person, day))
                {
                    if (record.AvailableAt >= from && record.AvailableAt < to)
                    {
                        var slot = SlotOf(record.AvailableAt);
                        if (!slots.TryGetValue(slot, out var list))
                        {
                            slots[slot] = list = [];
                        }

                        list.Add(record);
                    }
                }
            }
        }

        foreach (var list in slots.Values)
        {
            list.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        }

        return slots;
    }

    private static IEnumerable<AuditEvent> PersonDay(WorkRoster roster, WorkPerson person, DateOnly day)
    {
        if (WorkGenerator.IsWeekend(day) || WorkGenerator.OnVacation(person, day))
        {
            yield break;
        }

        var tenantId = roster.Tenant.TenantId;
        var rng = new WorkRng($"audit:{person.Id}:{day.DayNumber}");
        var (startMinutes, length) = WorkGenerator.DayHours(person, day);
        var dayStart = WorkGenerator.Local(person.Zone, day, startMinutes);
        DateTimeOffset At(int minuteOfDay) => dayStart.AddMinutes(minuteOfDay).AddSeconds(rng.Next(60));
        int During() => rng.Next(5, length);
        var n = 0;
        AuditEvent Make(string contentType, DateTimeOffset at, JsonObject json) =>
            Event(tenantId, contentType, $"{person.Id}:{day.DayNumber}:{n++}", at, json);

        if (rng.Chance(0.1))
        {
            yield return Make("Audit.AzureActiveDirectory", At(-3), Login(tenantId, person, "UserLoginFailed", "Failed"));
        }

        yield return Make("Audit.AzureActiveDirectory", At(-2), Login(tenantId, person, "UserLoggedIn", "Success"));
        for (var i = rng.Next(0, 3); i > 0; i--)
        {
            yield return Make("Audit.AzureActiveDirectory", At(During()), Login(tenantId, person, "UserLoggedIn", "Success"));
        }

        for (var i = rng.Next(2, 7); i > 0; i--)
        {
            var owner = rng.Chance(0.05) && person.ManagerId is not null && roster.Find(person.ManagerId) is { } manager ? manager : person;
            yield return Make("Audit.Exchange", At(During()), MailboxAccess(tenantId, person, owner));
        }

        for (var i = rng.Next(2, 13); i > 0; i--)
        {
            yield return Make("Audit.SharePoint", At(During()), FileAction(roster, person, rng));
        }

        if (rng.Chance(0.2))
        {
            yield return Make("Audit.SharePoint", At(During()), GuestFileAccess(roster, rng));
        }

        for (var i = rng.Next(3, 21); i > 0; i--)
        {
            yield return Make("Audit.General", At(During()), TeamsMessage(roster, person, rng));
        }

        if (rng.Chance(0.3))
        {
            yield return Make("Audit.General", At(During()), Common(tenantId, person, "MicrosoftTeams", "TeamsSessionStarted", 25, person.Id));
            yield return Make("Audit.General", At(During()), Common(tenantId, person, "PowerBI", "ViewReport", 20, person.Id));
        }
    }

    private static AuditEvent Event(string tenantId, string contentType, string key, DateTimeOffset at, JsonObject json)
    {
        var id = WorkGenerator.StableGuid($"audit:{tenantId}:{key}");
        var draw = WorkRng.Unit("delay:" + id);
        var delayMinutes = draw < 0.8 ? 5 + (draw / 0.8 * 55) : draw < 0.95 ? 60 + ((draw - 0.8) / 0.15 * 120) : 240 + ((draw - 0.95) / 0.05 * 360);
        var creation = new DateTimeOffset(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        json["Id"] = id;
        json["CreationTime"] = creation.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        return new AuditEvent(contentType, id, creation, creation.AddMinutes(delayMinutes), WorkRng.Unit("repeat:" + id) < 0.04, json);
    }

    private static JsonObject Common(string tenantId, WorkPerson person, string workload, string operation, int recordType, string userKey) => new()
    {
        ["RecordType"] = recordType,
        ["Operation"] = operation,
        ["OrganizationId"] = tenantId,
        ["UserType"] = 0,
        ["UserKey"] = userKey,
        ["Workload"] = workload,
        ["UserId"] = person.User.UserPrincipalName.ToLowerInvariant(),
        ["ClientIP"] = ClientIp(person),
    };

    private static JsonObject Login(string tenantId, WorkPerson person, string operation, string result)
    {
        var json = Common(tenantId, person, "AzureActiveDirectory", operation, 15, person.Id);
        json["ResultStatus"] = result;
        json["ObjectId"] = "00000003-0000-0ff1-ce00-000000000000";
        json["AzureActiveDirectoryEventType"] = 1;
        json["ApplicationId"] = "89bee1f7-5e6e-4d8a-9f3d-ecd601259da7";
        return json;
    }

    private static JsonObject MailboxAccess(string tenantId, WorkPerson person, WorkPerson owner)
    {
        var json = Common(tenantId, person, "Exchange", "MailItemsAccessed", 50, Puid(person));
        json["ResultStatus"] = "Succeeded";
        json["MailboxOwnerUPN"] = owner.User.UserPrincipalName.ToLowerInvariant();
        json["MailboxGuid"] = WorkGenerator.StableGuid("mailbox:" + owner.Id);
        json["ClientInfoString"] = "Client=REST;Client=RESTSystem;;";
        json["ClientIPAddress"] = ClientIp(person);
        json["OperationProperties"] = new JsonArray(new JsonObject { ["Name"] = "MailAccessType", ["Value"] = "Bind" });
        return json;
    }

    private static JsonObject FileAction(WorkRoster roster, WorkPerson person, WorkRng rng)
    {
        var oneDrive = rng.Chance(0.4);
        var json = Common(roster.Tenant.TenantId, person, oneDrive ? "OneDrive" : "SharePoint", rng.Pick(FileOperations), 6, $"i:0h.f|membership|{Puid(person)}@live.com");
        var file = $"{rng.Pick(WorkGenerator.Topics)}.{rng.Pick(Extensions)}";
        var prefix = roster.Tenant.PrimaryDomain.Split('.')[0];
        var site = oneDrive
            ? $"https://{prefix}-my.sharepoint.com/personal/{person.User.UserPrincipalName.Replace('@', '_').Replace('.', '_')}/"
            : $"https://{prefix}.sharepoint.com/sites/{(person.User.Department ?? "Team").Replace(" ", string.Empty, StringComparison.Ordinal)}/";
        var folder = oneDrive ? "Documents" : "Shared Documents";
        json["SiteUrl"] = site;
        json["SourceFileName"] = file;
        json["SourceFileExtension"] = file[(file.LastIndexOf('.') + 1)..];
        json["SourceRelativeUrl"] = folder;
        json["ObjectId"] = $"{site}{folder}/{Uri.EscapeDataString(file)}?web=1&e=Ab12Cd";
        json["ItemType"] = "File";
        json["UserAgent"] = "Mozilla/5.0 (Windows NT 10.0; Win64; x64)";
        return json;
    }

    /// <summary>A guest opens a shared file: a record of someone who is not a workspace person.</summary>
    private static JsonObject GuestFileAccess(WorkRoster roster, WorkRng rng)
    {
        var prefix = roster.Tenant.PrimaryDomain.Split('.')[0];
        var file = $"{rng.Pick(WorkGenerator.Topics)}.pdf";
        return new JsonObject
        {
            ["RecordType"] = 6,
            ["Operation"] = "FileAccessed",
            ["OrganizationId"] = roster.Tenant.TenantId,
            ["UserType"] = 0,
            ["UserKey"] = "i:0#.f|membership|urn:spo:guest#guest@partner.example",
            ["Workload"] = "SharePoint",
            ["UserId"] = "guest@partner.example",
            ["ClientIP"] = "198.51.100.77",
            ["SiteUrl"] = $"https://{prefix}.sharepoint.com/sites/Partners/",
            ["SourceFileName"] = file,
            ["SourceRelativeUrl"] = "Shared Documents",
            ["ObjectId"] = $"https://{prefix}.sharepoint.com/sites/Partners/Shared Documents/{file}",
            ["ItemType"] = "File",
        };
    }

    private static JsonObject TeamsMessage(WorkRoster roster, WorkPerson person, WorkRng rng)
    {
        var json = Common(roster.Tenant.TenantId, person, "MicrosoftTeams", "MessageSent", 25, person.Id);
        var members = new List<(string Upn, string Name)> { (person.User.UserPrincipalName.ToLowerInvariant(), person.Name) };
        foreach (var id in person.Circle.Take(rng.Next(1, 5)))
        {
            if (roster.Find(id) is { } other)
            {
                members.Add((other.User.UserPrincipalName.ToLowerInvariant(), other.Name));
            }
        }

        if (rng.Chance(0.15))
        {
            members.Add(("alex.berg@fabrikam.com", "Alex Berg (Fabrikam)"));
        }

        var kind = rng.Next(3);
        json["CommunicationType"] = kind switch { 0 => "OneOnOne", 1 => "GroupChat", _ => "Channel" };
        json["ChatThreadId"] = $"19:{WorkGenerator.StableGuid($"chat:{person.Id}:{kind}:{members.Count}").Replace("-", string.Empty, StringComparison.Ordinal)}@thread.v2";
        json["MessageId"] = rng.NextULong().ToString(CultureInfo.InvariantCulture)[..13];
        if (kind == 1)
        {
            json["ChatName"] = rng.Pick(WorkGenerator.Topics);
        }
        else if (kind == 2)
        {
            json["TeamName"] = person.User.Department ?? "Everyone";
            json["ChannelName"] = rng.Pick(Channels);
        }

        json["Members"] = new JsonArray([.. (kind == 0 ? members.Take(2) : members).Select(m => (JsonNode)new JsonObject { ["UPN"] = m.Upn, ["DisplayName"] = m.Name, ["Role"] = 1 })]);
        return json;
    }

    private static string Puid(WorkPerson person) => "1003" + (WorkRng.Hash("puid:" + person.Id) % 0xFFFFFFFFFFFUL).ToString("X12", CultureInfo.InvariantCulture);

    private static string ClientIp(WorkPerson person) => $"203.0.113.{(WorkRng.Hash("ip:" + person.Id) % 250) + 1}";
}
