using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Accounts.GetWorkspaceData;

/// <summary>What the Owner's export, delete and erasure section shows: the files an export holds and who asked to be erased.</summary>
[RequiresRole(PersonRole.Owner)]
public sealed record GetWorkspaceDataQuery : IQuery<WorkspaceDataDto>;
