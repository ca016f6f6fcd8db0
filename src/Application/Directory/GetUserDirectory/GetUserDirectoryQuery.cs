using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Directory.GetUserDirectory;

/// <summary>A page of the user directory (Add and Manage Users); a page past the last answers the last.</summary>
[RequiresRole(PersonRole.Owner, PersonRole.TechnicalAdmin)]
public sealed record GetUserDirectoryQuery(DirectoryFilter Filter, DirectorySort Sort = DirectorySort.Name, int Page = 1, int PageSize = 50)
    : IQuery<UserDirectoryDto>;

public enum DirectorySort
{
    Name = 1,
    Team = 2,
    Role = 3,
}
