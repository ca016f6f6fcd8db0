using Mediator;
using WorkSights.Application.Common.Security;

namespace WorkSights.Application.Onboarding.GetWorkspaceStatus;

/// <summary>
/// The signed-in person's workspace: connection status, setup progress and directory import figures. Naming another
/// workspace's id finds nothing.
/// </summary>
[RequiresSignIn]
public sealed record GetWorkspaceStatusQuery(Guid? WorkspaceId = null) : IQuery<WorkspaceStatusDto>;
