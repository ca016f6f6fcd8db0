using FluentValidation;

namespace WorkSights.Application.Accounts.DeleteWorkspace;

public sealed class DeleteWorkspaceCommandValidator : AbstractValidator<DeleteWorkspaceCommand>
{
    public DeleteWorkspaceCommandValidator() =>
        RuleFor(c => c.ConfirmationName).NotEmpty().WithMessage("Type the workspace's name to confirm.").MaximumLength(300);
}
