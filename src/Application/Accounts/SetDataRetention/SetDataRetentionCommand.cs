using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Accounts.SetDataRetention;

/// <summary>An Owner keeps activities and their results for <paramref name="Days"/> days, or (null) until the workspace is deleted.</summary>
[RequiresRole(PersonRole.Owner)]
public sealed record SetDataRetentionCommand(int? Days) : ICommand;
