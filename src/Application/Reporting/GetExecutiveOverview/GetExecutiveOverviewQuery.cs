using Mediator;
using NodaTime;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Reporting.GetExecutiveOverview;

/// <summary>
/// Executive Overview for the two weeks up to <see cref="Day"/>: the newest activity, the daily average scores, a
/// weekday × hour heatmap, and the connected service's status; the people filtered as the page asks.
/// </summary>
[RequiresRole(PersonRole.Executive, PersonRole.Owner)]
public sealed record GetExecutiveOverviewQuery(LocalDate Day, ReportFilter Filter) : IQuery<ExecutiveOverviewDto>
{
    public const int FeedLength = 20;
    public const int Days = 14;
}
