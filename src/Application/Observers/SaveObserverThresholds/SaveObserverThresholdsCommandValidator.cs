using FluentValidation;
using WorkSights.Domain.Observers;

namespace WorkSights.Application.Observers.SaveObserverThresholds;

public sealed class SaveObserverThresholdsCommandValidator : AbstractValidator<SaveObserverThresholdsCommand>
{
    public SaveObserverThresholdsCommandValidator()
    {
        RuleFor(c => c.OverloadDays).InclusiveBetween(ObserverThresholds.MinimumDays, ObserverThresholds.MaximumDays)
            .WithMessage($"Overload days in a row must be between {ObserverThresholds.MinimumDays} and {ObserverThresholds.MaximumDays}.");
        RuleFor(c => c.VeryLightDays).InclusiveBetween(ObserverThresholds.MinimumDays, ObserverThresholds.MaximumDays)
            .WithMessage($"Very light days in a row must be between {ObserverThresholds.MinimumDays} and {ObserverThresholds.MaximumDays}.");
        RuleFor(c => c.AfterHoursWeeks).InclusiveBetween(ObserverThresholds.MinimumWeeks, ObserverThresholds.MaximumWeeks)
            .WithMessage($"Weeks of rising after-hours time must be between {ObserverThresholds.MinimumWeeks} and {ObserverThresholds.MaximumWeeks}.");
        RuleFor(c => c.MeetingSharePercent).InclusiveBetween(10, 100).WithMessage("Meeting share must be between 10 and 100 %.");
        RuleFor(c => c.FocusMinutes).InclusiveBetween(15, 240).WithMessage("A focus stretch must be between 15 and 240 minutes.");
        RuleFor(c => c.NoFocusDays).InclusiveBetween(ObserverThresholds.MinimumDays, ObserverThresholds.MaximumDays)
            .WithMessage($"Days without focus in a row must be between {ObserverThresholds.MinimumDays} and {ObserverThresholds.MaximumDays}.");
    }
}
