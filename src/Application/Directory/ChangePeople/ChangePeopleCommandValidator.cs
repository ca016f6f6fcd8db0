using FluentValidation;

namespace WorkSights.Application.Directory.ChangePeople;

public sealed class ChangePeopleCommandValidator : AbstractValidator<ChangePeopleCommand>
{
    public const int MaximumTicked = 200;

    public ChangePeopleCommandValidator()
    {
        RuleFor(c => c.PersonIds).NotNull().Must(ids => ids.Count <= MaximumTicked).WithMessage($"Tick at most {MaximumTicked} people, or choose everyone matching the filter.");
        RuleFor(c => c.PersonIds).NotEmpty().When(c => c.AllMatching is null).WithMessage("Tick the people to change, or choose everyone matching the filter.");
        RuleFor(c => c.AllMatching!).SetValidator(new DirectoryFilterValidator()).When(c => c.AllMatching is not null);
        RuleFor(c => c.Change).NotNull();
        RuleFor(c => c.Change.Kind).IsInEnum().WithMessage("Choose what to change.");
        RuleFor(c => c.Change.Role).NotNull().IsInEnum().When(c => c.Change.Kind == PeopleChangeKind.Role).WithMessage("Choose a role from the list.");
        RuleFor(c => c.Change.LoginAccess).NotNull().When(c => c.Change.Kind == PeopleChangeKind.LoginAccess).WithMessage("Choose whether they can sign in.");
        RuleFor(c => c.Change.Team).MaximumLength(128).WithMessage("A team's name has at most 128 characters.");
        RuleFor(c => c.Change.ManagerEmail).MaximumLength(320).EmailAddress().WithMessage("Enter the manager's e-mail address.");
    }
}
