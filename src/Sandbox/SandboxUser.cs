namespace WorkSights.Sandbox;

/// <summary>A directory user as the sandbox stores it (Graph <c>microsoft.graph.user</c> subset).</summary>
public sealed record SandboxUser
{
    public required string Id { get; init; }
    public required string DisplayName { get; init; }
    public string? GivenName { get; init; }
    public string? Surname { get; init; }
    public string? Mail { get; init; }
    public required string UserPrincipalName { get; init; }
    public required string MailNickname { get; init; }
    public string? JobTitle { get; init; }
    public string? Department { get; init; }
    public string? OfficeLocation { get; init; }
    public string? City { get; init; }
    public string? Country { get; init; }
    public string? UsageLocation { get; init; }
    public string? PreferredLanguage { get; init; }
    public string? MobilePhone { get; init; }
    public IReadOnlyList<string> BusinessPhones { get; init; } = [];

    /// <summary>"Member" or "Guest".</summary>
    public string UserType { get; init; } = "Member";
    public bool AccountEnabled { get; init; } = true;

    /// <summary>
    /// What the Exchange Online mailbox is for, as Graph's <c>mailboxSettings.userPurpose</c> says: "user" (a person's),
    /// "shared", "room" or "equipment"; null when the user has no mailbox in the tenant (a guest).
    /// </summary>
    public string? MailboxPurpose { get; init; } = SandboxMailboxSettings.PersonPurpose;

    /// <summary>License SKU ids (empty for guests, the shared mailbox and the service account).</summary>
    public IReadOnlyList<string> AssignedLicenseSkuIds { get; init; } = [];
    public DateTimeOffset CreatedDateTime { get; init; }
    public string? ManagerId { get; init; }

    /// <summary>Directory role template ids held by the user (e.g. Global Administrator).</summary>
    public IReadOnlyList<string> DirectoryRoleIds { get; init; } = [];

    /// <summary>True when the user may grant tenant-wide admin consent for Graph application permissions.</summary>
    public bool CanGrantAdminConsent =>
        DirectoryRoleIds.Contains(SandboxTenants.GlobalAdministratorRoleId) ||
        DirectoryRoleIds.Contains(SandboxTenants.PrivilegedRoleAdministratorRoleId);
}

/// <summary>Consent state of one app registration in one customer tenant.</summary>
public enum SandboxConsentState
{
    NotConsented,
    Consented,
    PermissionsRevoked,
    ServicePrincipalDeleted,
}

/// <summary>Consent of one app in one tenant.</summary>
public sealed record SandboxAppConsent(
    string ClientId,
    string DisplayName,
    SandboxConsentState State,
    string? ServicePrincipalId,
    IReadOnlyList<string> Roles);

/// <summary>A tenant with its domains, user count and per-app consent.</summary>
public sealed record SandboxTenantState(
    SandboxTenantInfo Info,
    IReadOnlyList<string> VerifiedDomains,
    int UserCount,
    IReadOnlyList<SandboxAppConsent> Apps);

/// <summary>An application permission of the registration, shown on the consent page.</summary>
public sealed record SandboxPermission(string Resource, string Value, string Id, string Description);
