using FluentValidation;

namespace WorkSights.Application.Directory;

public sealed class DirectoryFilterValidator : AbstractValidator<DirectoryFilter>
{
    public DirectoryFilterValidator()
    {
        RuleFor(f => f.Search).MaximumLength(DirectoryFilter.MaximumSearchLength).WithMessage($"Search for at most {DirectoryFilter.MaximumSearchLength} characters.");
        RuleFor(f => f.Team).MaximumLength(128);
        RuleFor(f => f.Role).IsInEnum();
        RuleFor(f => f.Status).IsInEnum();
        RuleFor(f => f.State).IsInEnum();
    }
}
