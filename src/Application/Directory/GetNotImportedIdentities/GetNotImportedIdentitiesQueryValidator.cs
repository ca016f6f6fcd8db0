using FluentValidation;

namespace WorkSights.Application.Directory.GetNotImportedIdentities;

public sealed class GetNotImportedIdentitiesQueryValidator : AbstractValidator<GetNotImportedIdentitiesQuery>
{
    public GetNotImportedIdentitiesQueryValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithMessage("Page numbers start at 1.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, 200).WithMessage("A page holds between 1 and 200 identities.");
        RuleFor(q => q.Search).MaximumLength(DirectoryFilter.MaximumSearchLength);
    }
}
