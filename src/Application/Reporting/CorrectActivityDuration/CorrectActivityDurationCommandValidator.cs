using FluentValidation;
using WorkSights.Domain.Activities;

namespace WorkSights.Application.Reporting.CorrectActivityDuration;

public sealed class CorrectActivityDurationCommandValidator : AbstractValidator<CorrectActivityDurationCommand>
{
    public CorrectActivityDurationCommandValidator()
    {
        var maximum = (int)Activity.MaximumCreditedDuration.TotalMinutes;
        RuleFor(c => c.ActivityId).NotEmpty().WithMessage("Choose the item to correct.");
        RuleFor(c => c.Minutes)
            .InclusiveBetween(0, maximum)
            .WithMessage($"A credited duration is between 0 and {maximum} minutes (10 hours).");
    }
}
