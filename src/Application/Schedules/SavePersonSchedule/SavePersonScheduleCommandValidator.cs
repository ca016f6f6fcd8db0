using FluentValidation;
using NodaTime;
using WorkSights.Domain.Schedules;

namespace WorkSights.Application.Schedules.SavePersonSchedule;

public sealed class SavePersonScheduleCommandValidator : AbstractValidator<SavePersonScheduleCommand>
{
    public SavePersonScheduleCommandValidator()
    {
        RuleFor(c => c.TargetPercent).InclusiveBetween(PersonScheduleSettings.MinimumTargetPercent, PersonScheduleSettings.MaximumTargetPercent)
            .When(c => c.TargetPercent is not null)
            .WithMessage($"The target must be between {PersonScheduleSettings.MinimumTargetPercent} % and {PersonScheduleSettings.MaximumTargetPercent} %.");
        RuleFor(c => c.HolidayRegion).Must(HolidayRegions.IsKnown).When(c => c.HolidayRegion is not null)
            .WithMessage("Choose a holiday region from the list.");
        RuleFor(c => c.TimeZoneId).Must(id => DateTimeZoneProviders.Tzdb.GetZoneOrNull(id!) is not null).When(c => c.TimeZoneId is not null)
            .WithMessage("Choose a time zone from the list.");
    }
}
