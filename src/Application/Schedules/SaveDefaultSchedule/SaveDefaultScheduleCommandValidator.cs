using FluentValidation;
using NodaTime;
using WorkSights.Domain.Schedules;

namespace WorkSights.Application.Schedules.SaveDefaultSchedule;

public sealed class SaveDefaultScheduleCommandValidator : AbstractValidator<SaveDefaultScheduleCommand>
{
    public SaveDefaultScheduleCommandValidator()
    {
        RuleFor(c => c.WorkDays).NotEmpty().WithMessage("Choose at least one work day.");
        RuleForEach(c => c.WorkDays).IsInEnum();
        RuleFor(c => c.End).GreaterThan(c => c.Start).WithMessage("The working day must end after it starts.");
        RuleFor(c => c.TargetPercent).InclusiveBetween(PersonScheduleSettings.MinimumTargetPercent, PersonScheduleSettings.MaximumTargetPercent)
            .WithMessage($"The target must be between {PersonScheduleSettings.MinimumTargetPercent} % and {PersonScheduleSettings.MaximumTargetPercent} %.");
        RuleFor(c => c.TimeZoneId).Must(id => id is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is not null)
            .WithMessage("Choose a time zone from the list.");
    }
}
