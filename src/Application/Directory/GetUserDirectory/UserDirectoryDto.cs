using WorkSights.Application.Common.Models;
using WorkSights.Domain.People;

namespace WorkSights.Application.Directory.GetUserDirectory;

/// <param name="Teams">Every team of the directory's current people, for the team filter.</param>
/// <param name="Manager">The manager the view is filtered by, when there is one.</param>
public sealed record UserDirectoryDto(PagedList<DirectoryPersonDto> People, IReadOnlyList<string> Teams, DirectoryManagerDto? Manager);

public sealed record DirectoryPersonDto(
    Guid Id,
    string DisplayName,
    string Email,
    string? Team,
    string? Position,
    string? ManagerName,
    PersonRole Role,
    bool HasLoginAccess,
    ProvisioningState ProvisioningState,
    PersonStatus Status);

public sealed record DirectoryManagerDto(Guid Id, string DisplayName, string Email);
