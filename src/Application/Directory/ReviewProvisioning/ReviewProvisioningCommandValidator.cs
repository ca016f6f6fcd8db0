using FluentValidation;
using WorkSights.Domain.People;

namespace WorkSights.Application.Directory.ReviewProvisioning;

public sealed class ReviewProvisioningCommandValidator : AbstractValidator<ReviewProvisioningCommand>
{
    public const int MaximumTicked = 200;

    public ReviewProvisioningCommandValidator()
    {
        RuleFor(c => c.PersonIds).NotNull().Must(ids => ids.Count <= MaximumTicked).WithMessage($"Tick at most {MaximumTicked} identities, or choose every identity matching the filter.");
        RuleFor(c => c.PersonIds).NotEmpty().When(c => c.AllMatching is null).WithMessage("Tick the identities to change, or choose every identity matching the filter.");
        RuleFor(c => c.AllMatching!.State).IsInEnum().When(c => c.AllMatching is not null);
        RuleFor(c => c.AllMatching!.Search).MaximumLength(DirectoryFilter.MaximumSearchLength).When(c => c.AllMatching is not null);
        RuleFor(c => c.State).Must(s => ProvisioningRules.ReviewChoices.Contains(s)).WithMessage("Choose New, Link or Blocked.");
        RuleFor(c => c.LinkTargetEmail).NotEmpty().When(c => c.State == ProvisioningState.Link).WithMessage("Enter the e-mail of the person to link to.");
        RuleFor(c => c.LinkTargetEmail).MaximumLength(320).EmailAddress().WithMessage("Enter the e-mail of the person to link to.");
    }
}
