using FluentValidation;

namespace WorkSights.Application.Reporting.GetDashboard;

public sealed class GetDashboardQueryValidator : AbstractValidator<GetDashboardQuery>
{
    public GetDashboardQueryValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithMessage("Page numbers start at 1.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, GetDashboardQuery.MaximumPageSize).WithMessage($"A page holds between 1 and {GetDashboardQuery.MaximumPageSize} people.");
        RuleFor(q => q.Sort).IsInEnum().WithMessage("Sort by name or by score.");
        RuleFor(q => q.Filter).NotNull();
    }
}
