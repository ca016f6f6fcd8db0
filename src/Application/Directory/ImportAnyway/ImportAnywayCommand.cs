using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Directory.ImportAnyway;

/// <summary>
/// "Import anyway" on the User Provisioning review's Not imported tab: the guest or shared, room or equipment mailbox
/// <paramref name="IdentityId"/> becomes a New person, read and reported from the next sync, and stays one whatever later
/// syncs say of it. Answers the person's id.
/// </summary>
[RequiresRole(PersonRole.Owner, PersonRole.TechnicalAdmin)]
public sealed record ImportAnywayCommand(Guid IdentityId) : ICommand<Guid>;
