using FluentValidation;

namespace WorkSights.Application.Reporting.GetMyOverview;

public sealed class GetMyOverviewQueryValidator : AbstractValidator<GetMyOverviewQuery>
{
    public GetMyOverviewQueryValidator()
    {
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).WithMessage("The range ends on or after the day it starts.");
        RuleFor(q => q).Must(q => q.To.DayNumber - q.From.DayNumber < GetMyOverviewQuery.MaximumDays)
            .WithMessage($"A range covers at most {GetMyOverviewQuery.MaximumDays} days.");
    }
}
