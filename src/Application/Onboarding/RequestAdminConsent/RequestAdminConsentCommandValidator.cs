using FluentValidation;

namespace WorkSights.Application.Onboarding.RequestAdminConsent;

public sealed class RequestAdminConsentCommandValidator : AbstractValidator<RequestAdminConsentCommand>
{
    public RequestAdminConsentCommandValidator()
    {
        RuleFor(c => c.ExternalTenantId).Must(id => Guid.TryParse(id, out _)).WithMessage("Sign in with your work account first.");
        RuleFor(c => c.ObjectId).NotEmpty().MaximumLength(64).WithMessage("Sign in with your work account first.");
    }
}
