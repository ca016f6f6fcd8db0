using FluentValidation;

namespace WorkSights.Application.Directory.UndoImportAnyway;

public sealed class UndoImportAnywayCommandValidator : AbstractValidator<UndoImportAnywayCommand>
{
    public UndoImportAnywayCommandValidator()
    {
        RuleFor(c => c.PersonId).NotEmpty().WithMessage("Choose the person to send back to Not imported.");
    }
}
