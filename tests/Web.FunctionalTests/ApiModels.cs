namespace WorkSights.Web.FunctionalTests;

public sealed record WorkspaceResponse(Guid Id, string Name, string PrimaryDomain, string Status, bool IsSetupComplete, int PeopleCount);

public sealed record PersonResponse(Guid Id, string DisplayName, string Email, string Role, bool HasLoginAccess, string ProvisioningState, string Status);

public sealed record PeoplePage(IReadOnlyList<PersonResponse> Items, int Page, int PageSize, int TotalCount);
