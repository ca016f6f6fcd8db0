namespace WorkSights.Domain.People;

/// <summary>The attributes of a person that the source directory owns and every sync may change.</summary>
public sealed record DirectoryProfile(
    string Email,
    string DisplayName,
    string? Department,
    string? JobTitle,
    string? ManagerExternalId);
