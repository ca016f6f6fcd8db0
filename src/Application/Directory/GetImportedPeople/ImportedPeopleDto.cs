using WorkSights.Application.Common.Models;
using WorkSights.Domain.People;

namespace WorkSights.Application.Directory.GetImportedPeople;

public sealed record ImportedPeopleDto(PagedList<ImportedPersonDto> People, IReadOnlyDictionary<ProvisioningState, int> CountsByState);

public sealed record ImportedPersonDto(
    Guid Id,
    string DisplayName,
    string Email,
    string? Department,
    string? JobTitle,
    PersonRole Role,
    bool HasLoginAccess,
    ProvisioningState ProvisioningState,
    PersonStatus Status);
