using Mediator;

namespace WorkSights.Application.Accounts.GetMyData;

/// <summary>What the signed-in person's data section shows: whether they asked to be erased.</summary>
public sealed record GetMyDataQuery : IQuery<MyDataDto>;

public sealed record MyDataDto(DateTimeOffset? ErasureRequestedAt);
