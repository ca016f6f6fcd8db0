using WorkSights.Domain.People;

namespace WorkSights.Application.Directory.GetManagedPerson;

/// <param name="Position">In effect: <paramref name="PositionOverride"/>, else the directory's job title.</param>
/// <param name="Team">In effect: <paramref name="TeamOverride"/>, else the directory's department.</param>
/// <param name="ManagerName">In effect: the override's, else the directory's manager.</param>
/// <param name="ManagerOverrideEmail">The e-mail of the manager set in WorkSights, if any.</param>
public sealed record ManagedPersonDto(
    Guid Id,
    string DisplayName,
    string Email,
    string? Position,
    string? DirectoryJobTitle,
    string? PositionOverride,
    string? Team,
    string? DirectoryDepartment,
    string? TeamOverride,
    string? ManagerName,
    string? DirectoryManagerName,
    string? ManagerOverrideEmail,
    PersonRole Role,
    bool HasLoginAccess,
    ProvisioningState ProvisioningState,
    PersonStatus Status);
