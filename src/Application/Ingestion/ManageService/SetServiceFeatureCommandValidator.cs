using FluentValidation;

namespace WorkSights.Application.Ingestion.ManageService;

public sealed class SetServiceFeatureCommandValidator : AbstractValidator<SetServiceFeatureCommand>
{
    public SetServiceFeatureCommandValidator() => RuleFor(c => c.Feature).IsInEnum().WithMessage("Choose one of the listed features.");
}
