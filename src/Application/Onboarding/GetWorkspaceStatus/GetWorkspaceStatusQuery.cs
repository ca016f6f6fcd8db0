using Mediator;

namespace WorkSights.Application.Onboarding.GetWorkspaceStatus;

/// <summary>The signed-in person's workspace: connection status, setup progress and directory import figures.</summary>
public sealed record GetWorkspaceStatusQuery : IQuery<WorkspaceStatusDto>;
