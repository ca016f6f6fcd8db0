using FluentValidation;

namespace WorkSights.Application.Onboarding.SaveAccountSetup;

public sealed class SaveAccountSetupCommandValidator : AbstractValidator<SaveAccountSetupCommand>
{
    public SaveAccountSetupCommandValidator()
    {
        RuleFor(c => c.CompanyName).NotEmpty().WithMessage("Enter the company name.").MaximumLength(200);
        RuleFor(c => c.PrimaryDomain).NotEmpty().WithMessage("Enter the primary domain.")
            .MaximumLength(253)
            .Matches(AccountSetupChoices.DomainPattern)
            .WithMessage("Enter a domain such as contoso.com.");
        RuleFor(c => c.Industry).Must(i => AccountSetupChoices.Industries.Contains(i)).WithMessage("Choose an industry from the list.");
        RuleFor(c => c.Size).IsInEnum().WithMessage("Choose a company size.");
        RuleFor(c => c.CountryCode).Must(AccountSetupChoices.IsCountry).WithMessage("Choose a country.");
        RuleFor(c => c.TimeZoneId).Must(AccountSetupChoices.IsTimeZone).WithMessage("Choose a time zone from the list.");
        RuleFor(c => c.WorkDays).NotEmpty().WithMessage("Choose at least one work day.");
        RuleForEach(c => c.WorkDays).IsInEnum();
        RuleFor(c => c.ScheduleEnd).GreaterThan(c => c.ScheduleStart).WithMessage("The working day must end after it starts.");
        RuleFor(c => c.DefaultTargetPercent).InclusiveBetween(10, 150).WithMessage("The target must be between 10 % and 150 %.");
    }
}
