using System.Security.Cryptography;
using System.Text;

namespace WorkSights.Sandbox;

/// <summary>In-process control of the emulated tenants, users and consent (same operations as the /sandbox HTTP endpoints).
/// Thread-safe; each server has its own instance.</summary>
public sealed class SandboxDirectory
{
    /// <summary>Application permissions requested by every registration (consented with .default).</summary>
    public static IReadOnlyList<SandboxPermission> RequestedPermissions { get; } =
    [
        new("Microsoft Graph", "User.Read.All", "df021288-bdef-4463-88db-98f22de89214", "Read all users' full profiles"),
        new("Microsoft Graph", "Mail.ReadBasic.All", "693c5e45-0940-467d-9b8a-1022fb9d42ef", "Read basic mail in all mailboxes (no message bodies or attachments)"),
        new("Microsoft Graph", "Calendars.ReadBasic.All", "8ba4a692-bc31-4128-9094-475872af8a53", "Read basic details of calendars in all mailboxes (no event bodies or attachments)"),
        new("Microsoft Graph", "CallRecords.Read.All", "45bbb07e-7321-4fd7-a8f6-3ff27e6a81c8", "Read all call records"),
        new("Microsoft Graph", "AuditLog.Read.All", "b0afded3-3588-46d8-8b3d-9842eff778da", "Read all audit log data"),
        new("Microsoft Graph", "Directory.Read.All", "7ab1d382-f21e-4acd-a863-ba3e13f7da61", "Read directory data"),
        new("Microsoft Graph", "MailboxSettings.Read", "40f97065-369a-49f4-947c-6a255697ae91", "Read all user mailbox settings"),
        new("Microsoft Graph", "Reports.Read.All", "230c1aed-a721-4c5d-9cb4-a90514e508ef", "Read all usage reports"),
        new("Office 365 Management APIs", "ActivityFeed.Read", "594c1fb6-4f81-4475-ae41-0c394909246c", "Read activity data for your organization"),
    ];

    private readonly Lock gate = new();
    private readonly Dictionary<string, TenantData> tenants = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SandboxClientApp> apps = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider clock;
    private readonly Dictionary<string, WorkRoster> rosters = new(StringComparer.OrdinalIgnoreCase);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, WorkPerson> joiners = new(StringComparer.OrdinalIgnoreCase);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> withoutEntraPremium = new(StringComparer.OrdinalIgnoreCase);

    private readonly int extraPeople;

    internal SandboxDirectory(TimeProvider clock, int extraPeople = 0)
    {
        this.clock = clock;
        this.extraPeople = extraPeople;
        foreach (var seed in DirectorySeed.Build(extraPeople))
        {
            rosters[seed.Info.TenantId] = new WorkRoster(seed.Info, seed.Users);
            tenants[seed.Info.TenantId] = SeedTenant(seed);
        }
    }

    /// <summary>Called after every change, outside the directory's lock (the state file saves then).</summary>
    internal Action? Changed { get; set; }

    /// <summary>Whether the tenant's directory has Microsoft Entra ID P1 or P2 (every tenant has at start), which the sign-in log needs.</summary>
    public bool HasEntraPremium(string tenantId) => !withoutEntraPremium.ContainsKey(RequireTenantId(tenantId));

    /// <summary>Gives or takes away the tenant's Entra ID P1/P2: without it, <c>/auditLogs/signIns</c> answers 403
    /// <c>Authentication_RequestFromNonPremiumTenantOrB2CTenant</c>.</summary>
    public void SetEntraPremium(string tenantId, bool hasPremium)
    {
        Change(() => SetPremiumLocked(RequireTenant(tenantId).Info.TenantId, hasPremium));
    }

    private string RequireTenantId(string tenantId)
    {
        lock (gate)
        {
            return RequireTenant(tenantId).Info.TenantId;
        }
    }

    /// <summary>All tenants with their consent state for every registered app.</summary>
    public IReadOnlyList<SandboxTenantState> GetTenants()
    {
        lock (gate)
        {
            return [.. tenants.Values.Select(SnapshotTenantWithApps)];
        }
    }

    /// <summary>The registered client apps.</summary>
    public IReadOnlyList<SandboxClientApp> GetApps()
    {
        lock (gate)
        {
            return [.. apps.Values];
        }
    }

    /// <summary>Consent state of <paramref name="clientId"/> in <paramref name="tenantId"/>.</summary>
    public SandboxAppConsent GetConsent(string tenantId, string clientId)
    {
        lock (gate)
        {
            var tenant = RequireTenant(tenantId);
            var app = RequireApp(clientId);
            return SnapshotConsent(tenant, app);
        }
    }

    /// <summary>Creates the service principal (if needed) and assigns the requested application permissions: every one, or
    /// only <paramref name="permissions"/> (by value, e.g. <c>User.Read.All</c>) as when an administrator later removes some
    /// app-role assignments in the Entra admin centre. App-only tokens then carry exactly those in <c>roles</c>.</summary>
    /// <exception cref="ArgumentException">A permission that the registration does not request.</exception>
    public SandboxAppConsent GrantConsent(string tenantId, string clientId, IReadOnlyCollection<string>? permissions = null)
    {
        var unknown = permissions?.FirstOrDefault(p => !RequestedPermissions.Any(r => r.Value == p));
        if (unknown is not null)
        {
            throw new ArgumentException($"'{unknown}' is not a permission the registration requests.", nameof(permissions));
        }

        return Change(() =>
        {
            var tenant = RequireTenant(tenantId);
            var app = RequireApp(clientId);
            var record = tenant.Consents.GetValueOrDefault(app.ClientId);
            var generation = record?.Generation ?? 0;
            var spId = record is { State: SandboxConsentState.Consented or SandboxConsentState.PermissionsRevoked }
                ? record.ServicePrincipalId
                : StableGuid($"{tenant.Info.TenantId}:sp:{app.ClientId}:{generation + 1}");
            if (spId != record?.ServicePrincipalId)
            {
                generation++;
            }

            tenant.Consents[app.ClientId] = new ConsentRecord(
                SandboxConsentState.Consented, spId, [.. RequestedPermissions.Select(p => p.Value).Where(p => permissions is null || permissions.Contains(p))], generation);
            return SnapshotConsent(tenant, app);
        });
    }

    /// <summary>Removes the app-role assignments but keeps the service principal (tokens are issued without roles).</summary>
    public SandboxAppConsent RevokeConsent(string tenantId, string clientId)
    {
        return Change(() =>
        {
            var tenant = RequireTenant(tenantId);
            var app = RequireApp(clientId);
            var record = tenant.Consents.GetValueOrDefault(app.ClientId);
            if (record is { State: SandboxConsentState.Consented or SandboxConsentState.PermissionsRevoked })
            {
                tenant.Consents[app.ClientId] = record with { State = SandboxConsentState.PermissionsRevoked, Roles = [] };
            }

            return SnapshotConsent(tenant, app);
        });
    }

    /// <summary>Deletes the enterprise application (service principal) from the tenant.</summary>
    public SandboxAppConsent DeleteServicePrincipal(string tenantId, string clientId)
    {
        return Change(() =>
        {
            var tenant = RequireTenant(tenantId);
            var app = RequireApp(clientId);
            var record = tenant.Consents.GetValueOrDefault(app.ClientId);
            if (record is { State: SandboxConsentState.Consented or SandboxConsentState.PermissionsRevoked })
            {
                tenant.Consents[app.ClientId] = record with { State = SandboxConsentState.ServicePrincipalDeleted, ServicePrincipalId = null, Roles = [] };
            }

            return SnapshotConsent(tenant, app);
        });
    }

    /// <summary>Current (not deleted) users of the tenant, ordered by id.</summary>
    public IReadOnlyList<SandboxUser> GetUsers(string tenantId)
    {
        lock (gate)
        {
            return [.. RequireTenant(tenantId).Users.Values.Where(u => u.Removed is null).Select(u => u.User).OrderBy(u => u.Id, StringComparer.Ordinal)];
        }
    }

    /// <summary>A current user by id, or null.</summary>
    public SandboxUser? FindUser(string tenantId, string userId)
    {
        lock (gate)
        {
            return RequireTenant(tenantId).Users.TryGetValue(userId, out var entry) && entry.Removed is null ? entry.User : null;
        }
    }

    /// <summary>Time zone, office city and coordinates of a person who works (null for guests, the shared mailbox,
    /// the service account and unknown users). People added later get a profile from their city.</summary>
    public SandboxWorkProfile? GetWorkProfile(string tenantId, string userId) => FindWorker(tenantId, userId)?.Profile;

    /// <summary>The worker behind a mailbox (seeded or joined later), or null when the user has no mailbox activity model.</summary>
    internal WorkPerson? FindWorker(string tenantId, string userId)
    {
        var roster = Roster(tenantId);
        if (roster.Find(userId) is { } seeded)
        {
            return seeded;
        }

        var user = FindUser(tenantId, userId);
        return user is not null && WorkRoster.IsWorker(user) ? joiners.GetOrAdd(user.Id, _ => WorkRoster.Joiner(user)) : null;
    }

    internal WorkRoster Roster(string tenantId)
    {
        lock (gate)
        {
            RequireTenant(tenantId);
            return rosters[tenantId];
        }
    }

    /// <summary>A joiner: adds a licensed member user (mail derived from the display name).</summary>
    /// <param name="mailboxPurpose">"user" (a person, the default); "shared", "room" or "equipment" add that mailbox as
    /// Exchange does: account disabled, no license.</param>
    /// <param name="guestMail">Adds a guest instead: this is their address at their own company.</param>
    public SandboxUser AddUser(string tenantId, string displayName, string? department = null, string? jobTitle = null, string? managerId = null, string? mailboxPurpose = null, string? guestMail = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        var purpose = mailboxPurpose ?? SandboxMailboxSettings.PersonPurpose;
        if (!SandboxMailboxSettings.Purposes.Contains(purpose))
        {
            throw new ArgumentException($"A mailbox purpose is one of {string.Join(", ", SandboxMailboxSettings.Purposes)}.", nameof(mailboxPurpose));
        }

        if (guestMail is not null && (purpose != SandboxMailboxSettings.PersonPurpose || !guestMail.Contains('@', StringComparison.Ordinal)))
        {
            throw new ArgumentException("A guest is added with their own e-mail address and no mailbox purpose.", nameof(guestMail));
        }

        return Change(() =>
        {
            var tenant = RequireTenant(tenantId);
            if (managerId is not null)
            {
                RequireLiveUser(tenant, managerId);
            }

            var parts = displayName.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
            var given = parts[0];
            var surname = parts.Length > 1 ? parts[1] : null;
            var baseNick = DirectorySeed.MailNickname(given, surname);
            var nick = baseNick;
            for (var i = 2; tenant.Users.Values.Any(u => string.Equals(u.User.MailNickname, nick, StringComparison.OrdinalIgnoreCase)); i++)
            {
                nick = baseNick + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            tenant.AddedCount++;
            var template = tenant.Users.Values.Select(u => u.User).FirstOrDefault(u => u.UserType == "Member" && u.AssignedLicenseSkuIds.Count > 0);
            var id = StableGuid($"{tenant.Info.TenantId}:added:{tenant.AddedCount}");
            if (guestMail is not null)
            {
                var external = guestMail.Trim().ToLowerInvariant();
                var guestNick = external.Replace('@', '_') + "#EXT#";
                var guest = new SandboxUser
                {
                    Id = id,
                    DisplayName = displayName.Trim(),
                    GivenName = given,
                    Surname = surname,
                    Mail = external,
                    UserPrincipalName = $"{guestNick}@{tenant.Info.PrimaryDomain}",
                    MailNickname = guestNick,
                    UserType = "Guest",
                    MailboxPurpose = null,
                    CreatedDateTime = clock.GetUtcNow(),
                };
                tenant.Users[guest.Id] = new UserEntry(guest, ++tenant.Sequence, null);
                return guest;
            }

            var isPerson = purpose == SandboxMailboxSettings.PersonPurpose;
            var user = new SandboxUser
            {
                Id = id,
                DisplayName = displayName.Trim(),
                GivenName = given,
                Surname = surname,
                Mail = $"{nick}@{tenant.Info.PrimaryDomain}",
                UserPrincipalName = $"{nick}@{tenant.Info.PrimaryDomain}",
                MailNickname = nick,
                Department = department,
                JobTitle = jobTitle,
                ManagerId = managerId,
                OfficeLocation = template?.OfficeLocation,
                City = template?.City,
                Country = template?.Country,
                UsageLocation = template?.UsageLocation,
                PreferredLanguage = template?.PreferredLanguage,
                AssignedLicenseSkuIds = isPerson ? template?.AssignedLicenseSkuIds ?? [] : [],
                AccountEnabled = isPerson,
                MailboxPurpose = purpose,
                CreatedDateTime = clock.GetUtcNow(),
            };
            tenant.Users[user.Id] = new UserEntry(user, ++tenant.Sequence, null);
            return user;
        });
    }

    /// <summary>A leaver. Permanent removal appears in delta as <c>@removed: deleted</c>; a soft delete (restorable) as <c>changed</c>.</summary>
    public void RemoveUser(string tenantId, string userId, bool softDelete = false)
    {
        Change(() =>
        {
            var tenant = RequireTenant(tenantId);
            var entry = RequireLiveUser(tenant, userId);
            tenant.Users[userId] = entry with { ChangeSequence = ++tenant.Sequence, Removed = softDelete ? "changed" : "deleted" };
        });
    }

    /// <summary>Restores a soft-deleted user.</summary>
    public SandboxUser RestoreUser(string tenantId, string userId)
    {
        return Change(() =>
        {
            var tenant = RequireTenant(tenantId);
            if (!tenant.Users.TryGetValue(userId, out var entry) || entry.Removed != "changed")
            {
                throw new KeyNotFoundException($"No restorable user '{userId}' in tenant {tenant.Info.TenantId}.");
            }

            tenant.Users[userId] = entry with { ChangeSequence = ++tenant.Sequence, Removed = null };
            return entry.User;
        });
    }

    /// <summary>Changes some properties of a user (null leaves a property unchanged; an empty string clears it).</summary>
    /// <param name="accountEnabled">False disables the account as an administrator does for a leaver: it stays in the
    /// directory, delta reports the change, and it can no longer sign in.</param>
    /// <param name="mailboxPurpose">Converts the user's mailbox as an Exchange administrator does ("shared", "room",
    /// "equipment", or "user" back to a person's): <c>mailboxSettings.userPurpose</c> says so from then on, and the licence
    /// is removed with a conversion away from a person's (such mailboxes need none) and given back with one to a person's,
    /// so delta lists the user as changed. The account stays enabled or disabled as it was.</param>
    public SandboxUser UpdateUser(string tenantId, string userId, string? department = null, string? jobTitle = null, string? displayName = null, string? managerId = null, bool? accountEnabled = null, string? mailboxPurpose = null)
    {
        if (mailboxPurpose is not null && !SandboxMailboxSettings.Purposes.Contains(mailboxPurpose))
        {
            throw new ArgumentException($"A mailbox purpose is one of {string.Join(", ", SandboxMailboxSettings.Purposes)}.", nameof(mailboxPurpose));
        }

        return Change(() =>
        {
            var tenant = RequireTenant(tenantId);
            var entry = RequireLiveUser(tenant, userId);
            if (!string.IsNullOrEmpty(managerId))
            {
                RequireLiveUser(tenant, managerId);
                if (managerId == userId)
                {
                    throw new ArgumentException("A user cannot be their own manager.", nameof(managerId));
                }
            }

            var converts = mailboxPurpose is not null && entry.User.UserType == "Member" && entry.User.Mail is not null;
            var user = entry.User with
            {
                Department = department is null ? entry.User.Department : Blank(department),
                JobTitle = jobTitle is null ? entry.User.JobTitle : Blank(jobTitle),
                DisplayName = string.IsNullOrWhiteSpace(displayName) ? entry.User.DisplayName : displayName.Trim(),
                ManagerId = managerId is null ? entry.User.ManagerId : Blank(managerId),
                AccountEnabled = accountEnabled ?? entry.User.AccountEnabled,
                MailboxPurpose = converts ? mailboxPurpose : entry.User.MailboxPurpose,
                AssignedLicenseSkuIds = !converts ? entry.User.AssignedLicenseSkuIds
                    : mailboxPurpose != SandboxMailboxSettings.PersonPurpose ? []
                    : entry.User.AssignedLicenseSkuIds.Count > 0 ? entry.User.AssignedLicenseSkuIds
                    : tenant.Users.Values.Select(u => u.User).FirstOrDefault(u => u.UserType == "Member" && u.AssignedLicenseSkuIds.Count > 0)?.AssignedLicenseSkuIds ?? [],
            };
            tenant.Users[userId] = entry with { User = user, ChangeSequence = ++tenant.Sequence };
            return user;
        });
    }

    internal void RegisterApp(SandboxClientApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentException.ThrowIfNullOrWhiteSpace(app.ClientId);
        Change(() =>
        {
            apps[app.ClientId] = app;
        });
    }

    internal SandboxClientApp? FindApp(string? clientId)
    {
        if (string.IsNullOrEmpty(clientId))
        {
            return null;
        }

        lock (gate)
        {
            return apps.GetValueOrDefault(clientId);
        }
    }

    /// <summary>Resolves a tenant GUID or verified domain; null for unknown values and for common/organizations/consumers.</summary>
    internal SandboxTenantInfo? ResolveTenant(string segment)
    {
        lock (gate)
        {
            if (tenants.TryGetValue(segment, out var byId))
            {
                return byId.Info;
            }

            return tenants.Values.FirstOrDefault(t => t.Domains.Contains(segment, StringComparer.OrdinalIgnoreCase))?.Info;
        }
    }

    /// <summary>Finds an account that can sign in (enabled member) by email or UPN.</summary>
    internal (SandboxTenantInfo Tenant, SandboxUser User)? FindSignInAccount(string login)
    {
        lock (gate)
        {
            foreach (var tenant in tenants.Values)
            {
                foreach (var entry in tenant.Users.Values)
                {
                    var u = entry.User;
                    if (entry.Removed is null && u.AccountEnabled && u.UserType == "Member" &&
                        (string.Equals(u.Mail, login, StringComparison.OrdinalIgnoreCase) ||
                         string.Equals(u.UserPrincipalName, login, StringComparison.OrdinalIgnoreCase)))
                    {
                        return (tenant.Info, u);
                    }
                }
            }

            return null;
        }
    }

    internal long CurrentSequence(string tenantId)
    {
        lock (gate)
        {
            return RequireTenant(tenantId).Sequence;
        }
    }

    /// <summary>Changes in (since, upTo] ordered by id, after <paramref name="afterId"/>. since &lt; 0 means the initial full sync.</summary>
    internal List<(SandboxUser User, string? Removed)> GetChanges(string tenantId, long since, long upTo, string? afterId, int max, out bool more)
    {
        lock (gate)
        {
            var tenant = RequireTenant(tenantId);
            var query = tenant.Users.Values
                .Where(e => e.ChangeSequence <= upTo)
                .Where(e => since < 0 ? e.Removed is null : e.ChangeSequence > since)
                .Where(e => afterId is null || string.CompareOrdinal(e.User.Id, afterId) > 0)
                .OrderBy(e => e.User.Id, StringComparer.Ordinal)
                .Take(max + 1)
                .Select(e => (e.User, e.Removed))
                .ToList();
            more = query.Count > max;
            if (more)
            {
                query.RemoveAt(max);
            }

            return query;
        }
    }

    internal static string StableGuid(string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString();
    }

    /// <summary>The registered apps and, per tenant, what changed since the seed (for the state file).</summary>
    internal (IReadOnlyList<SandboxClientApp> Apps, IReadOnlyList<PersistedSandboxState.Tenant> Tenants) Export()
    {
        lock (gate)
        {
            return ([.. apps.Values.OrderBy(a => a.ClientId, StringComparer.Ordinal)], [.. tenants.Values.Select(t => new PersistedSandboxState.Tenant
            {
                TenantId = t.Info.TenantId,
                Sequence = t.Sequence,
                AddedCount = t.AddedCount,
                EntraPremium = !withoutEntraPremium.ContainsKey(t.Info.TenantId),
                Users = [.. t.Users.Values.Where(u => u.ChangeSequence > 0).OrderBy(u => u.ChangeSequence).Select(u => new PersistedSandboxState.ChangedUser(u.User, u.ChangeSequence, u.Removed))],
                Consents = [.. t.Consents.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new PersistedSandboxState.Consent(c.Key, c.Value.State, c.Value.ServicePrincipalId, c.Value.Roles, c.Value.Generation))],
            })]);
        }
    }

    /// <summary>Applies a saved state over the seed (tenants the seed does not know are ignored).</summary>
    internal void Import(IEnumerable<SandboxClientApp> savedApps, IEnumerable<PersistedSandboxState.Tenant> savedTenants)
    {
        lock (gate)
        {
            foreach (var app in savedApps.Where(a => !string.IsNullOrWhiteSpace(a?.ClientId)))
            {
                apps[app.ClientId] = app;
            }

            foreach (var saved in savedTenants)
            {
                if (saved.TenantId is null || !tenants.TryGetValue(saved.TenantId, out var tenant))
                {
                    continue;
                }

                tenant.Sequence = saved.Sequence;
                tenant.AddedCount = saved.AddedCount;
                foreach (var changed in (saved.Users ?? []).Where(u => u?.User?.Id is not null))
                {
                    tenant.Users[changed.User.Id] = new UserEntry(changed.User, changed.ChangeSequence, changed.Removed);
                }

                foreach (var consent in (saved.Consents ?? []).Where(c => c?.ClientId is not null))
                {
                    tenant.Consents[consent.ClientId] = new ConsentRecord(consent.State, consent.ServicePrincipalId, [.. consent.Roles ?? []], consent.Generation);
                }

                SetPremiumLocked(tenant.Info.TenantId, saved.EntraPremium);
            }
        }
    }

    /// <summary>Back to the seed: seeded users only, no consent, only <paramref name="seedApps"/> registered.</summary>
    internal void ResetToSeed(IEnumerable<SandboxClientApp> seedApps, IEnumerable<string> tenantsWithoutEntraPremium)
    {
        lock (gate)
        {
            foreach (var seed in DirectorySeed.Build(extraPeople))
            {
                tenants[seed.Info.TenantId] = SeedTenant(seed);
            }

            apps.Clear();
            foreach (var app in seedApps)
            {
                apps[app.ClientId] = app;
            }

            joiners.Clear();
            withoutEntraPremium.Clear();
            foreach (var tenantId in tenantsWithoutEntraPremium)
            {
                if (tenants.TryGetValue(tenantId, out var tenant))
                {
                    SetPremiumLocked(tenant.Info.TenantId, false);
                }
            }
        }
    }

    private void SetPremiumLocked(string tenantId, bool hasPremium)
    {
        if (hasPremium)
        {
            withoutEntraPremium.TryRemove(tenantId, out _);
        }
        else
        {
            withoutEntraPremium[tenantId] = true;
        }
    }

    private static TenantData SeedTenant(DirectorySeed.TenantSeed seed)
    {
        var data = new TenantData(seed.Info, seed.Domains);
        foreach (var user in seed.Users)
        {
            data.Users[user.Id] = new UserEntry(user, 0, null);
        }

        return data;
    }

    /// <summary>Runs <paramref name="mutation"/> under the lock, then reports the change outside it.</summary>
    private T Change<T>(Func<T> mutation)
    {
        T result;
        lock (gate)
        {
            result = mutation();
        }

        Changed?.Invoke();
        return result;
    }

    private void Change(Action mutation)
    {
        lock (gate)
        {
            mutation();
        }

        Changed?.Invoke();
    }

    private static string? Blank(string value) => value.Length == 0 ? null : value;

    private static SandboxTenantState SnapshotTenant(TenantData tenant) => new(
        tenant.Info,
        tenant.Domains,
        tenant.Users.Values.Count(u => u.Removed is null),
        []);

    private SandboxTenantState SnapshotTenantWithApps(TenantData tenant) =>
        SnapshotTenant(tenant) with { Apps = [.. apps.Values.Select(a => SnapshotConsent(tenant, a))] };

    private static SandboxAppConsent SnapshotConsent(TenantData tenant, SandboxClientApp app)
    {
        var record = tenant.Consents.GetValueOrDefault(app.ClientId);
        return record is null
            ? new SandboxAppConsent(app.ClientId, app.DisplayName, SandboxConsentState.NotConsented, null, [])
            : new SandboxAppConsent(app.ClientId, app.DisplayName, record.State, record.ServicePrincipalId, record.Roles);
    }

    private TenantData RequireTenant(string tenantId) =>
        tenants.TryGetValue(tenantId ?? string.Empty, out var tenant)
            ? tenant
            : throw new KeyNotFoundException($"Unknown tenant '{tenantId}'.");

    private SandboxClientApp RequireApp(string clientId) =>
        apps.TryGetValue(clientId ?? string.Empty, out var app)
            ? app
            : throw new KeyNotFoundException($"Unknown client app '{clientId}'.");

    private static UserEntry RequireLiveUser(TenantData tenant, string userId) =>
        tenant.Users.TryGetValue(userId ?? string.Empty, out var entry) && entry.Removed is null
            ? entry
            : throw new KeyNotFoundException($"Unknown user '{userId}' in tenant {tenant.Info.TenantId}.");

    private sealed class TenantData(SandboxTenantInfo info, IReadOnlyList<string> domains)
    {
        public SandboxTenantInfo Info { get; } = info;
        public IReadOnlyList<string> Domains { get; } = domains;
        public Dictionary<string, UserEntry> Users { get; } = new(StringComparer.OrdinalIgnoreCase);
        public Dictionary<string, ConsentRecord> Consents { get; } = new(StringComparer.OrdinalIgnoreCase);
        public long Sequence { get; set; }
        public int AddedCount { get; set; }
    }

    private sealed record UserEntry(SandboxUser User, long ChangeSequence, string? Removed);

    private sealed record ConsentRecord(SandboxConsentState State, string? ServicePrincipalId, IReadOnlyList<string> Roles, int Generation);
}
