using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Accounts.SetScoreVisibility;

/// <summary>An Owner shows or hides scores from Members (their own and everyone's); other roles always see them.</summary>
[RequiresRole(PersonRole.Owner)]
public sealed record SetScoreVisibilityCommand(bool ShowScoresToMembers) : ICommand;
