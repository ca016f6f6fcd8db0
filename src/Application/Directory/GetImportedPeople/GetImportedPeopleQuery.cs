using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Directory.GetImportedPeople;

/// <summary>The identities imported from the directory, for the User Provisioning review.</summary>
[RequiresRole(PersonRole.Owner, PersonRole.TechnicalAdmin)]
public sealed record GetImportedPeopleQuery(ProvisioningState? State, string? Search, int Page = 1, int PageSize = 50) : IQuery<ImportedPeopleDto>;
