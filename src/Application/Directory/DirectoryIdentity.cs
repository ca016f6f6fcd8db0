namespace WorkSights.Application.Directory;

/// <summary>One identity as the provider's directory describes it.</summary>
/// <param name="ManagerIncluded">False when a delta page said nothing about the manager, which then stays as it was.</param>
public sealed record DirectoryIdentity(
    string ExternalId,
    string? Mail,
    string UserPrincipalName,
    string DisplayName,
    string? Department,
    string? JobTitle,
    string? ManagerExternalId,
    bool ManagerIncluded,
    bool IsGuest,
    bool AccountEnabled,
    bool HasLicense);
