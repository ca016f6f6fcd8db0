using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Accounts.SetPrivacyMode;

/// <summary>
/// An Owner turns privacy mode on (everyone but the viewer shown by pseudonym, groups smaller than
/// <paramref name="MinimumGroupSize"/> withheld) or off.
/// </summary>
[RequiresRole(PersonRole.Owner)]
public sealed record SetPrivacyModeCommand(bool On, int MinimumGroupSize) : ICommand;
