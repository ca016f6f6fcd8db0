using FluentValidation;

namespace WorkSights.Application.Schedules.SaveHolidayRegions;

public sealed class SaveHolidayRegionsCommandValidator : AbstractValidator<SaveHolidayRegionsCommand>
{
    public SaveHolidayRegionsCommandValidator()
    {
        RuleFor(c => c.Regions).NotNull();
        RuleForEach(c => c.Regions).Must(HolidayRegions.IsKnown).WithMessage("'{PropertyValue}' is not a region WorkSights knows the holidays of.");
        RuleFor(c => c.DefaultRegion)
            .Must((command, region) => region is null || command.Regions.Contains(region))
            .WithMessage("The default region must be one of the observed regions.");
    }
}
