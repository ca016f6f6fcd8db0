using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Directory.ChangePeople;

/// <summary>
/// A bulk change from the user directory: the people ticked on a page (<paramref name="PersonIds"/>), or everyone
/// matching a filter (<paramref name="AllMatching"/>), get one new value. The rules of a single change hold for each
/// person; answers how many people changed.
/// </summary>
[RequiresRole(PersonRole.Owner, PersonRole.TechnicalAdmin)]
public sealed record ChangePeopleCommand(IReadOnlyList<Guid> PersonIds, DirectoryFilter? AllMatching, PeopleChange Change) : ICommand<int>;

/// <summary>One value to set: <see cref="Role"/>, <see cref="Team"/> or <see cref="ManagerEmail"/> (empty: the directory's),
/// <see cref="LoginAccess"/>, or <see cref="NamedScheduleId"/> (empty: the person's own hours or the workspace's).</summary>
public sealed record PeopleChange(PeopleChangeKind Kind, PersonRole? Role = null, string? Team = null, string? ManagerEmail = null, bool? LoginAccess = null, Guid? NamedScheduleId = null);

public enum PeopleChangeKind
{
    Role = 1,
    Team = 2,
    Manager = 3,
    LoginAccess = 4,
    Schedule = 5,
}
