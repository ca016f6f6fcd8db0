using FluentValidation;

namespace WorkSights.Application.Directory.ImportAnyway;

public sealed class ImportAnywayCommandValidator : AbstractValidator<ImportAnywayCommand>
{
    public ImportAnywayCommandValidator()
    {
        RuleFor(c => c.IdentityId).NotEmpty().WithMessage("Choose the identity to import.");
    }
}
