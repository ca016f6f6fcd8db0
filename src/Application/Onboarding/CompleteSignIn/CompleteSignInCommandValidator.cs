using FluentValidation;

namespace WorkSights.Application.Onboarding.CompleteSignIn;

public sealed class CompleteSignInCommandValidator : AbstractValidator<CompleteSignInCommand>
{
    public CompleteSignInCommandValidator()
    {
        RuleFor(c => c.ExternalTenantId).Must(id => Guid.TryParse(id, out _)).WithMessage("The sign-in did not name a valid organisation.");
        RuleFor(c => c.ObjectId).NotEmpty().MaximumLength(64);
        RuleFor(c => c.Email).NotEmpty().EmailAddress().MaximumLength(320).WithMessage("The sign-in did not carry a work email address.");
        RuleFor(c => c.DisplayName).NotEmpty().MaximumLength(256);
        RuleFor(c => c.Intent).IsInEnum();
    }
}
