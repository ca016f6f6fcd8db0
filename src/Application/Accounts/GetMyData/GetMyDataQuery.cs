using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Accounts.GetMyData;

/// <summary>What the signed-in person's data section shows: whether they asked to be erased.</summary>
[RequiresRole(PersonRole.Owner, PersonRole.TechnicalAdmin, PersonRole.Executive, PersonRole.Manager, PersonRole.Member)]
public sealed record GetMyDataQuery : IQuery<MyDataDto>;

public sealed record MyDataDto(DateTimeOffset? ErasureRequestedAt);
