using FluentValidation;
using WorkSights.Application.Onboarding.SaveAccountSetup;

namespace WorkSights.Application.Accounts.SaveCompanyDetails;

/// <summary>The same rules as Account Setup, for the fields Account View edits.</summary>
public sealed class SaveCompanyDetailsCommandValidator : AbstractValidator<SaveCompanyDetailsCommand>
{
    public SaveCompanyDetailsCommandValidator()
    {
        RuleFor(c => c.CompanyName).NotEmpty().WithMessage("Enter the company name.")
            .MaximumLength(200).WithMessage("The company name must be at most 200 characters.");
        RuleFor(c => c.PrimaryDomain).NotEmpty().WithMessage("Enter the primary domain.")
            .MaximumLength(253).WithMessage("A domain is at most 253 characters.")
            .Matches(AccountSetupChoices.DomainPattern).WithMessage("Enter a domain such as contoso.com.");
        RuleFor(c => c.Industry).Must(i => AccountSetupChoices.Industries.Contains(i)).WithMessage("Choose an industry from the list.");
        RuleFor(c => c.Size).IsInEnum().WithMessage("Choose a company size.");
        RuleFor(c => c.CountryCode).Must(AccountSetupChoices.IsCountry).WithMessage("Choose a country.");
    }
}
