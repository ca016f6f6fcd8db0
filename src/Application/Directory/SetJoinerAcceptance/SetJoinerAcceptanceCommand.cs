using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Directory.SetJoinerAcceptance;

/// <summary>
/// An Owner turns "Accept joiners automatically" on or off: on, identities that first appear in a later directory sync
/// become people straight away; off, they wait on the User Provisioning review as New.
/// </summary>
[RequiresRole(PersonRole.Owner)]
public sealed record SetJoinerAcceptanceCommand(bool AcceptAutomatically) : ICommand;
