using Mediator;
using WorkSights.Application.Common.Security;

namespace WorkSights.Application.Onboarding.ProvisionWorkspace;

/// <summary>
/// After consent was proven for a new workspace: import the people, start the activity import, and make the person who
/// finished the sign-up its Owner if the directory proves them an administrator.
/// </summary>
[SentByWorkSights("sign-in and consent, once the provider proved the admin")]
public sealed record ProvisionWorkspaceCommand(Guid TenantId, string RequestedByObjectId) : ICommand<ProvisioningResult>;

/// <param name="OwnerPersonId">Null when the person who finished is not an administrator: the workspace waits for one.</param>
public sealed record ProvisioningResult(bool Succeeded, string Message, Guid? OwnerPersonId, int PeopleImported);
