using WorkSights.Domain.Ingestion;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Ingestion.GetServiceView;

public sealed record ServiceViewDto(
    IdentityProvider Provider,
    string PrimaryDomain,
    ConnectionStatus Status,
    DateTimeOffset? ConsentRevokedAt,
    DateTimeOffset? LastSyncAt,
    DateTimeOffset? ThrottledUntil,
    int PeopleInRun,
    int PeopleDone,
    IReadOnlyList<ServiceFeatureDto> Features,
    IReadOnlyList<ServiceProblemDto> RecentProblems,
    int PeopleInDirectory,
    DateTimeOffset? LastDirectorySyncAt,
    DateTimeOffset? AuditLogOffSince,
    NextSync NextSync,
    bool IsRunning,
    DateTimeOffset? RunInterruptedAt,
    DateTimeOffset? ConsentRecoveredAt,
    DateTimeOffset? NextConsentCheckAt,
    IReadOnlyList<MissingPermissionDto> MissingPermissions)
{
    public int ProgressPercent => PeopleInRun == 0 ? 0 : (int)Math.Round(100.0 * PeopleDone / PeopleInRun);
}

/// <param name="IsAvailable">False for features whose import is not built yet: shown, but not switchable.</param>
public sealed record ServiceFeatureDto(ServiceFeature Feature, bool Enabled, bool IsAvailable, long ItemsImported);

public sealed record ServiceProblemDto(DateTimeOffset At, string Message);

/// <summary>A permission WorkSights asks for that the organisation has not granted (it consented before it was asked for),
/// noticed when Microsoft first refused a read that needs it.</summary>
public sealed record MissingPermissionDto(string Name, string Purpose, DateTimeOffset RefusedSince);
