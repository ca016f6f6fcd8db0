using FluentValidation;
using WorkSights.Domain.Privacy;

namespace WorkSights.Application.Accounts.SetPrivacyMode;

public sealed class SetPrivacyModeCommandValidator : AbstractValidator<SetPrivacyModeCommand>
{
    public SetPrivacyModeCommandValidator() =>
        RuleFor(c => c.MinimumGroupSize)
            .InclusiveBetween(PrivacyMode.SmallestMinimumGroupSize, PrivacyMode.LargestMinimumGroupSize)
            .When(c => c.On)
            .WithMessage($"The smallest group shown has between {PrivacyMode.SmallestMinimumGroupSize} and {PrivacyMode.LargestMinimumGroupSize} people.");
}
