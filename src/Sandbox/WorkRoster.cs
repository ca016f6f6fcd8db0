namespace WorkSights.Sandbox;

/// <summary>One person who works, with the relations the generator needs (built once from the seeded directory).</summary>
internal sealed class WorkPerson
{
    public required SandboxUser User { get; init; }
    public required SandboxWorkProfile Profile { get; init; }
    public required TimeZoneInfo Zone { get; init; }
    public required string Address { get; init; }
    public required double Intensity { get; init; }
    public string? ManagerId { get; set; }
    public List<string> Reports { get; } = [];
    public List<string> Peers { get; } = [];
    public List<string> Circle { get; } = [];
    public bool Active => Profile.HasActivity;
    public string Id => User.Id;
    public string Name => User.DisplayName;
}

/// <summary>The people of one tenant who work: profiles, managers, direct reports and "circles" (manager, peers, reports).</summary>
internal sealed class WorkRoster
{
    private readonly Dictionary<string, WorkPerson> byId = new(StringComparer.OrdinalIgnoreCase);

    public WorkRoster(SandboxTenantInfo tenant, IEnumerable<SandboxUser> users)
    {
        Tenant = tenant;
        var all = users.ToList();
        var workers = all.Where(IsWorker).ToList();
        var withReports = workers.Where(w => w.ManagerId is not null).Select(w => w.ManagerId!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var inactiveCount = tenant.TenantId == SandboxTenants.Contoso.TenantId ? 3 : tenant.TenantId == SandboxTenants.Northwind.TenantId ? 1 : 0;
        var inactive = workers
            .Where(w => !withReports.Contains(w.Id) && w.DirectoryRoleIds.Count == 0 && w.ManagerId is not null &&
                        !string.Equals(w.Mail, tenant.AdminEmail, StringComparison.OrdinalIgnoreCase) &&
                        !string.Equals(w.Mail, tenant.MemberEmail, StringComparison.OrdinalIgnoreCase) &&
                        !w.Id.Contains("extra", StringComparison.Ordinal))
            .OrderBy(w => WorkRng.Hash("inactive:" + w.Id))
            .Take(inactiveCount)
            .Select(w => w.Id)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var user in workers)
        {
            var person = CreatePerson(user, !inactive.Contains(user.Id));
            byId[user.Id] = person;
        }

        foreach (var p in byId.Values.Where(p => p.Active))
        {
            if (p.User.ManagerId is not null && byId.TryGetValue(p.User.ManagerId, out var m) && m.Active)
            {
                p.ManagerId = m.Id;
                m.Reports.Add(p.Id);
            }
        }

        foreach (var p in byId.Values.Where(p => p.Active))
        {
            if (p.ManagerId is not null)
            {
                p.Peers.AddRange(byId[p.ManagerId].Reports.Where(r => r != p.Id));
                p.Circle.Add(p.ManagerId);
            }

            p.Circle.AddRange(p.Peers);
            p.Circle.AddRange(p.Reports);
        }

        Active = [.. byId.Values.Where(p => p.Active).OrderBy(p => p.Id, StringComparer.Ordinal)];
        CeoId = byId.Values.Where(p => p.Active && p.ManagerId is null && p.Reports.Count > 0).OrderByDescending(p => p.Reports.Count).Select(p => p.Id).FirstOrDefault();
    }

    public SandboxTenantInfo Tenant { get; }

    public IReadOnlyList<WorkPerson> Active { get; }

    public string? CeoId { get; }

    public WorkPerson? Find(string userId) => byId.GetValueOrDefault(userId);

    /// <summary>A person who joined after the seed (no one else's meetings include them).</summary>
    public static WorkPerson Joiner(SandboxUser user) => CreatePerson(user, active: true);

    /// <summary>A shared, room or equipment mailbox: settings of its own (its office's zone), no activity.</summary>
    public static WorkPerson Resource(SandboxUser user) => CreatePerson(user, active: false);

    public static bool IsWorker(SandboxUser u) =>
        u.UserType == "Member" && u.MailboxPurpose == SandboxMailboxSettings.PersonPurpose && u.AccountEnabled && u.AssignedLicenseSkuIds.Count > 0 && u.Department is not null && u.Mail is not null;

    private static WorkPerson CreatePerson(SandboxUser user, bool active)
    {
        var (zone, country, lat, lon) = WorkCities.Of(user.City);
        var rng = new WorkRng("person:" + user.Id);
        var start = 480 + (rng.Next(0, 7) * 15); // 08:00–09:30 usual start
        var profile = new SandboxWorkProfile(user.Id, zone, user.City ?? "Seattle", user.UsageLocation ?? country, lat, lon)
        {
            HasActivity = active,
            UsualStartMinutes = start,
            MailboxTimeZone = SandboxMailboxSettings.ZoneNameFor(user.Id, zone),
        };
        return new WorkPerson
        {
            User = user,
            Profile = profile,
            Zone = TimeZoneInfo.FindSystemTimeZoneById(zone),
            Address = user.Mail!,
            Intensity = 0.15 + (rng.NextDouble() * 0.7),
        };
    }
}
