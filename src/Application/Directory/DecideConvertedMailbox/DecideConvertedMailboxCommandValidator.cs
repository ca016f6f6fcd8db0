using FluentValidation;

namespace WorkSights.Application.Directory.DecideConvertedMailbox;

public sealed class DecideConvertedMailboxCommandValidator : AbstractValidator<DecideConvertedMailboxCommand>
{
    public DecideConvertedMailboxCommandValidator()
    {
        RuleFor(c => c.PersonId).NotEmpty().WithMessage("Choose the mailbox to decide on.");
    }
}
