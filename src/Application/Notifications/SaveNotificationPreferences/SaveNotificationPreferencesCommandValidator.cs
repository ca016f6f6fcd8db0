using FluentValidation;

namespace WorkSights.Application.Notifications.SaveNotificationPreferences;

public sealed class SaveNotificationPreferencesCommandValidator : AbstractValidator<SaveNotificationPreferencesCommand>
{
    public SaveNotificationPreferencesCommandValidator()
    {
        RuleFor(c => c.On).NotNull();
        RuleForEach(c => c.On).IsInEnum().WithMessage("That is not a kind of notification.");
    }
}
