using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Directory.UpdatePerson;

/// <summary>
/// An Owner or Technical Admin changes a person: position, team and manager (empty: the directory's), role, login
/// access and whether they are active. Each value that changes is audited.
/// </summary>
[RequiresRole(PersonRole.Owner, PersonRole.TechnicalAdmin)]
public sealed record UpdatePersonCommand(
    Guid PersonId,
    string? Position,
    string? Team,
    string? ManagerEmail,
    PersonRole Role,
    bool HasLoginAccess,
    bool IsActive) : ICommand;
