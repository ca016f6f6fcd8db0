using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Directory.DecideConvertedMailbox;

/// <summary>
/// The choice on a person whose mailbox a sync found converted to shared, a room or equipment: keep reporting it, or stop,
/// which deactivates it as a leaver (history kept, nothing more read, no login).
/// </summary>
[RequiresRole(PersonRole.Owner, PersonRole.TechnicalAdmin)]
public sealed record DecideConvertedMailboxCommand(Guid PersonId, bool KeepReporting) : ICommand;
