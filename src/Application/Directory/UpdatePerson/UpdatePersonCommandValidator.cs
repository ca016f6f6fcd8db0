using FluentValidation;

namespace WorkSights.Application.Directory.UpdatePerson;

public sealed class UpdatePersonCommandValidator : AbstractValidator<UpdatePersonCommand>
{
    public UpdatePersonCommandValidator()
    {
        RuleFor(c => c.Position).MaximumLength(128).WithMessage("A position has at most 128 characters.");
        RuleFor(c => c.Team).MaximumLength(128).WithMessage("A team's name has at most 128 characters.");
        RuleFor(c => c.ManagerEmail).MaximumLength(320).EmailAddress().WithMessage("Enter the manager's e-mail address.");
        RuleFor(c => c.Role).IsInEnum().WithMessage("Choose a role from the list.");
    }
}
