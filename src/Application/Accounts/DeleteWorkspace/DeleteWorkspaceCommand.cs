using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Accounts.DeleteWorkspace;

/// <summary>An Owner deletes the workspace and everything in it, confirming by typing its name.</summary>
[RequiresRole(PersonRole.Owner)]
public sealed record DeleteWorkspaceCommand(string? ConfirmationName) : ICommand<WorkspaceDeletionReceipt>;
