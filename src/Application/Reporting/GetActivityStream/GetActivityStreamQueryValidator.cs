using FluentValidation;

namespace WorkSights.Application.Reporting.GetActivityStream;

public sealed class GetActivityStreamQueryValidator : AbstractValidator<GetActivityStreamQuery>
{
    public GetActivityStreamQueryValidator() =>
        RuleFor(q => q.PageSize).InclusiveBetween(1, GetActivityStreamQuery.MaximumPageSize)
            .WithMessage($"A page holds between 1 and {GetActivityStreamQuery.MaximumPageSize} items.");
}
