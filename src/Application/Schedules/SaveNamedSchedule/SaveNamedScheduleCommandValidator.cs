using FluentValidation;
using WorkSights.Domain.Schedules;

namespace WorkSights.Application.Schedules.SaveNamedSchedule;

public sealed class SaveNamedScheduleCommandValidator : AbstractValidator<SaveNamedScheduleCommand>
{
    public SaveNamedScheduleCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Give the schedule a name.")
            .MaximumLength(NamedSchedule.MaximumNameLength).WithMessage($"A schedule's name has at most {NamedSchedule.MaximumNameLength} characters.");
        RuleFor(c => c.Week).NotNull()
            .Must(week => week.MondayToSunday.Any(day => day.Kind != DayPlanKind.Off)).WithMessage("A schedule needs at least one day that is not off.");
    }
}
