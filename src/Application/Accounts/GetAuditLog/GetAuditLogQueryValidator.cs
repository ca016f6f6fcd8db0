using FluentValidation;

namespace WorkSights.Application.Accounts.GetAuditLog;

public sealed class GetAuditLogQueryValidator : AbstractValidator<GetAuditLogQuery>
{
    public GetAuditLogQueryValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithMessage("The page number starts at 1.");
        RuleFor(q => q.PageSize).Must(s => s is >= 1 and <= 200 or GetAuditLogQuery.EveryEntry).WithMessage("A page holds 1 to 200 entries.");
        RuleFor(q => q.Action).MaximumLength(100);
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null)
            .WithMessage("The last day must be on or after the first.");
    }
}
