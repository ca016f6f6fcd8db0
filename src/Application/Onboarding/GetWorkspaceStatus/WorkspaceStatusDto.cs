using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Onboarding.GetWorkspaceStatus;

public sealed record WorkspaceStatusDto(
    Guid Id,
    string Name,
    string PrimaryDomain,
    IdentityProvider Provider,
    TenantStatus Status,
    bool IsSetupComplete,
    DateTimeOffset? ConsentGrantedAt,
    DateTimeOffset? ConsentRevokedAt,
    int PeopleCount,
    DateTimeOffset? LastDirectorySyncAt,
    DateTimeOffset? LastDirectoryAttemptAt,
    string? LastDirectoryError);
