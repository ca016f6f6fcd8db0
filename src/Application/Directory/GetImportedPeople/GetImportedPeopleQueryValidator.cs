using FluentValidation;

namespace WorkSights.Application.Directory.GetImportedPeople;

public sealed class GetImportedPeopleQueryValidator : AbstractValidator<GetImportedPeopleQuery>
{
    public GetImportedPeopleQueryValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithMessage("Page numbers start at 1.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, 200).WithMessage("A page holds between 1 and 200 people.");
        RuleFor(q => q.State).IsInEnum();
        RuleFor(q => q.Search).MaximumLength(100);
    }
}
