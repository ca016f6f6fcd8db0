using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Reporting.GetDashboard;

/// <summary>One row per person the viewer sees, for one local date: their activity bar, credited time and score.</summary>
[RequiresRole(PersonRole.Member, PersonRole.Manager, PersonRole.Executive, PersonRole.Owner)]
public sealed record GetDashboardQuery(DateOnly Date, ReportFilter Filter, DashboardSort Sort = DashboardSort.Name, int Page = 1, int PageSize = GetDashboardQuery.DefaultPageSize)
    : IQuery<DashboardDto>
{
    public const int DefaultPageSize = 25;

    public const int MaximumPageSize = 100;
}

public enum DashboardSort
{
    Name = 0,

    /// <summary>Highest score first; people without a score last, by name.</summary>
    Score = 1,
}
