using FluentValidation;

namespace WorkSights.Application.Directory.GetUserDirectory;

public sealed class GetUserDirectoryQueryValidator : AbstractValidator<GetUserDirectoryQuery>
{
    public GetUserDirectoryQueryValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithMessage("Page numbers start at 1.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, 200).WithMessage("A page holds between 1 and 200 people.");
        RuleFor(q => q.Sort).IsInEnum();
        RuleFor(q => q.Filter).NotNull().SetValidator(new DirectoryFilterValidator());
    }
}
