using FluentValidation;
using WorkSights.Domain.Schedules;

namespace WorkSights.Application.Schedules.AddCustomSchedule;

public sealed class AddCustomScheduleCommandValidator : AbstractValidator<AddCustomScheduleCommand>
{
    public AddCustomScheduleCommandValidator()
    {
        RuleFor(c => c.Label).NotEmpty().WithMessage("Say what the schedule is for, e.g. \"Vacation\".")
            .MaximumLength(CustomSchedule.MaximumLabelLength).WithMessage($"A label has at most {CustomSchedule.MaximumLabelLength} characters.");
        RuleFor(c => c.To).GreaterThanOrEqualTo(c => c.From).WithMessage("The last day must be on or after the first day.");
        RuleFor(c => c).Must(c => c.To.DayNumber - c.From.DayNumber < CustomSchedule.MaximumDays)
            .When(c => c.To >= c.From)
            .WithName("To")
            .WithMessage($"A custom schedule covers at most {CustomSchedule.MaximumDays} days.");
        RuleFor(c => c.Week).NotNull();
    }
}
