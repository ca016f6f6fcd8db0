using Mediator;

namespace WorkSights.Application.Onboarding.ProvisionWorkspace;

/// <summary>After consent: import the people, make the consenting administrator the owner, let pending sign-ups in.</summary>
public sealed record ProvisionWorkspaceCommand(Guid TenantId, string OwnerObjectId) : ICommand<ProvisioningResult>;

public sealed record ProvisioningResult(bool Succeeded, string Message, Guid? OwnerPersonId, int PeopleImported);
