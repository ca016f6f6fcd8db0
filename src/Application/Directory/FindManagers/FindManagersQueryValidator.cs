using FluentValidation;

namespace WorkSights.Application.Directory.FindManagers;

public sealed class FindManagersQueryValidator : AbstractValidator<FindManagersQuery>
{
    public FindManagersQueryValidator()
    {
        RuleFor(q => q.Term).MaximumLength(DirectoryFilter.MaximumSearchLength).WithMessage($"Type at most {DirectoryFilter.MaximumSearchLength} characters of a manager's name or e-mail.");
        RuleFor(q => q.Max).InclusiveBetween(1, 50);
    }
}
