namespace WorkSights.Sandbox;

/// <summary>Settings for one <see cref="SandboxServer"/> instance.</summary>
public sealed class SandboxOptions
{
    /// <summary>Host used in every URL the sandbox emits (issuer, endpoints, nextLinks).</summary>
    public string PublicHost { get; init; } = "127.0.0.1";

    /// <summary>HTTP port; 0 picks a free port.</summary>
    public int HttpPort { get; init; }

    /// <summary>HTTPS port; 0 picks a free port.</summary>
    public int HttpsPort { get; init; }

    /// <summary>When set, the TLS certificate, the token-signing key and the sandbox's state (consent, apps, directory changes,
    /// switches, audit subscriptions, token-protection keys) are kept there and reused after a restart; when null nothing is written.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Lifetime of app-only and delegated access tokens.</summary>
    public TimeSpan AccessTokenLifetime { get; init; } = TimeSpan.FromSeconds(3599);

    /// <summary>Client applications registered at start (more can be added with <see cref="SandboxServer.RegisterApp"/>).</summary>
    public IList<SandboxClientApp> Apps { get; init; } = new List<SandboxClientApp>();

    /// <summary>Number of users per page of <c>/v1.0/users/delta</c>.</summary>
    public int DeltaPageSize { get; init; } = 100;

    /// <summary>Extra generated ordinary people added to Contoso (deterministic names, departments, managers), e.g. 760 for a ~1,000-person tenant.</summary>
    public int ExtraPeople { get; init; }

    /// <summary>Outlook throttling: requests per 10 minutes for each app + mailbox pair (mail and calendar, batch items included).</summary>
    public int MailboxRequestsPer10Minutes { get; init; } = 10_000;

    /// <summary>Outlook throttling: concurrent in-flight requests per mailbox.</summary>
    public int MailboxConcurrency { get; init; } = 4;

    /// <summary>Status of an expired mail/calendar delta token: 410 (Gone, code SyncStateNotFound, default) or 400 (syncStateNotFound).</summary>
    public int ExpiredOutlookDeltaStatus { get; init; } = 410;

    /// <summary>Management Activity API: content blobs per page of <c>subscriptions/content</c> (more pages via <c>NextPageUri</c>).</summary>
    public int AuditContentPageSize { get; init; } = 20;

    /// <summary>Tenants whose unified audit logging is off at start (see <see cref="SandboxServer.AuditLog"/> to switch it later).</summary>
    public IList<string> TenantsWithAuditLogOff { get; init; } = new List<string>();

    /// <summary>The sign-ins API's rate limit per app + tenant (documented: 5 per 10 seconds); <see cref="SandboxServer.SignInRequestsPer10Seconds"/> changes it later.</summary>
    public int SignInRequestsPer10Seconds { get; init; } = 5;

    /// <summary>Call records per list page when the client asks for no smaller page (<c>Prefer: odata.maxpagesize</c>).</summary>
    public int CallRecordsPageSize { get; init; } = 60;

    /// <summary>Which identity properties call records carry at start (<see cref="SandboxServer.CallRecordShape"/> changes it later).</summary>
    public SandboxCallRecordShape CallRecordShape { get; init; } = SandboxCallRecordShape.Both;

    /// <summary>Tenant ids whose directory has no Entra ID P1/P2 at start: their sign-in log answers 403 (see <see cref="SandboxDirectory.SetEntraPremium"/>).</summary>
    public IList<string> TenantsWithoutEntraPremium { get; init; } = new List<string>();

    /// <summary>Clock used for tokens, codes and delta-token expiry (tests may pass a fake one).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}

/// <summary>An app registration known to the sandbox (multi-tenant, confidential client).</summary>
/// <param name="GroupMembershipClaims">The registration's <c>groupMembershipClaims</c> setting: with <c>DirectoryRole</c> or
/// <c>All</c>, tokens issued to signed-in users carry their tenant-wide directory roles in <c>wids</c>; otherwise they do not.</param>
public sealed record SandboxClientApp(string ClientId, string ClientSecret, string DisplayName, IReadOnlyList<string> RedirectUris, string? GroupMembershipClaims = null)
{
    internal bool EmitsDirectoryRoles =>
        string.Equals(GroupMembershipClaims, "DirectoryRole", StringComparison.OrdinalIgnoreCase)
        || string.Equals(GroupMembershipClaims, "All", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A seeded organisation. <paramref name="AdminEmail"/> is the tenant's Global Administrator, except for Northwind
/// where it is the IT lead, who holds no admin role (<paramref name="AdminCanGrantConsent"/> is false).</summary>
public sealed record SandboxTenantInfo(
    string TenantId,
    string DisplayName,
    string PrimaryDomain,
    string AdminEmail,
    string MemberEmail,
    bool AdminCanGrantConsent = true);

/// <summary>Well-known seeded organisations.</summary>
public static class SandboxTenants
{
    /// <summary>Contoso Ltd: about 250 people, domains contoso.com and contoso-labs.com.</summary>
    public static SandboxTenantInfo Contoso { get; } = new(
        "4f1c2b9e-6a3d-4c58-9e7a-1d2b3c4d5e60", "Contoso Ltd", "contoso.com", "admin@contoso.com", "daniel.okafor@contoso.com");

    /// <summary>Fabrikam Inc: 12 people, for isolation tests.</summary>
    public static SandboxTenantInfo Fabrikam { get; } = new(
        "8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c21", "Fabrikam Inc", "fabrikam.com", "admin@fabrikam.com", "lena.fischer@fabrikam.com");

    /// <summary>Northwind Traders: 20 people, nobody can grant admin consent.</summary>
    public static SandboxTenantInfo Northwind { get; } = new(
        "2d4e6f80-1a3c-4e5b-8d7f-9a0b1c2d3e4f", "Northwind Traders", "northwindtraders.com", "priya.natarajan@northwindtraders.com", "sam.whitaker@northwindtraders.com", AdminCanGrantConsent: false);

    /// <summary>All seeded tenants.</summary>
    public static IReadOnlyList<SandboxTenantInfo> All { get; } = [Contoso, Fabrikam, Northwind];

    /// <summary>Global Administrator role template id (appears in the <c>wids</c> claim).</summary>
    public const string GlobalAdministratorRoleId = "62e90394-69f5-4237-9190-012177145e10";

    /// <summary>Privileged Role Administrator role template id.</summary>
    public const string PrivilegedRoleAdministratorRoleId = "e8611ab8-c189-46e8-94e1-60213ab1f814";

    /// <summary>Application Administrator role template id: consents to delegated permissions, not to Graph application permissions.</summary>
    public const string ApplicationAdministratorRoleId = "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3";

    /// <summary>Cloud Application Administrator role template id: like the Application Administrator, without application proxy.</summary>
    public const string CloudApplicationAdministratorRoleId = "158c047a-c907-4556-b7ef-446551a6b5f7";
}
