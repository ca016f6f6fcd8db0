using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Reporting.GetMyOverview;

/// <summary>The signed-in person's own days from <paramref name="From"/> to <paramref name="To"/>, both included.</summary>
[RequiresRole(PersonRole.Member, PersonRole.Manager, PersonRole.Executive, PersonRole.Owner)]
public sealed record GetMyOverviewQuery(DateOnly From, DateOnly To) : IQuery<MyOverviewDto>
{
    public const int MaximumDays = 366;
}
