using FluentValidation;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Accounts.SetDataRetention;

public sealed class SetDataRetentionCommandValidator : AbstractValidator<SetDataRetentionCommand>
{
    public SetDataRetentionCommandValidator() =>
        RuleFor(c => c.Days)
            .InclusiveBetween(DataRetention.MinimumDays, DataRetention.MaximumDays)
            .When(c => c.Days is not null)
            .WithMessage($"Keep activities between {DataRetention.MinimumDays} and {DataRetention.MaximumDays} days.");
}
