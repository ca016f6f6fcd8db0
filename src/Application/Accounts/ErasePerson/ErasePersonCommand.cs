using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Accounts.ErasePerson;

/// <summary>
/// An Owner erases a person: every row about them goes, their sessions end, and only their directory id stays behind,
/// so that the next directory sync does not bring them back.
/// </summary>
[RequiresRole(PersonRole.Owner)]
public sealed record ErasePersonCommand(Guid PersonId) : ICommand<PersonErasure>;
