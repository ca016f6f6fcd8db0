using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Reporting.GetActivityDetail;

/// <summary>One person's local day: the result, the bar, and every item as the score engine saw it.</summary>
[RequiresRole(PersonRole.Member, PersonRole.Manager, PersonRole.Executive, PersonRole.Owner)]
public sealed record GetActivityDetailQuery(Guid PersonId, DateOnly Date) : IQuery<ActivityDetailDto>;
