using FluentValidation;
using WorkSights.Domain.ApiKeys;

namespace WorkSights.Application.Accounts.CreateApiKey;

public sealed class CreateApiKeyCommandValidator : AbstractValidator<CreateApiKeyCommand>
{
    public const int MaximumDays = 365;

    public CreateApiKeyCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Give the key a name that says what it is for.")
            .MaximumLength(ApiKey.MaximumNameLength).WithMessage($"A key's name has at most {ApiKey.MaximumNameLength} characters.");
        RuleFor(c => c.Scopes).NotNull().WithMessage("Choose what the key may read.");
        RuleForEach(c => c.Scopes).Must(ApiScopes.IsKnown).WithMessage("Choose what the key may read from the list.");
        RuleFor(c => c.ExpiresInDays).InclusiveBetween(1, MaximumDays).When(c => c.ExpiresInDays is not null)
            .WithMessage($"A key expires after 1 to {MaximumDays} days, or never.");
    }
}
