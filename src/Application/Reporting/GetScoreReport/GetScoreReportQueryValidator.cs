using FluentValidation;
using NodaTime;

namespace WorkSights.Application.Reporting.GetScoreReport;

public sealed class GetScoreReportQueryValidator : AbstractValidator<GetScoreReportQuery>
{
    public const int MaximumDays = 366;

    public GetScoreReportQueryValidator()
    {
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).WithMessage("The range ends before it starts.");
        RuleFor(q => q).Must(q => Period.DaysBetween(q.From, q.To) < MaximumDays)
            .WithMessage($"A range covers at most {MaximumDays} days.");
        RuleFor(q => q.Sort).IsInEnum().WithMessage("The report cannot be sorted that way.");
    }
}
