using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Application.Directory.GetUserDirectory;
using WorkSights.Domain.People;

namespace WorkSights.Application.Directory.FindManagers;

/// <summary>
/// The user directory's manager filter as a name is typed: current people who manage someone current, whose name or
/// e-mail contains <paramref name="Term"/> (any when empty), by name, at most <paramref name="Max"/>; a whole address
/// of a manager finds that manager alone.
/// </summary>
[RequiresRole(PersonRole.Owner, PersonRole.TechnicalAdmin)]
public sealed record FindManagersQuery(string? Term, int Max = FindManagersQuery.DefaultMax) : IQuery<IReadOnlyList<DirectoryManagerDto>>
{
    public const int DefaultMax = 20;
}
