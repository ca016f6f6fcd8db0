using FluentValidation;
using WorkSights.Domain.Activities;

namespace WorkSights.Application.Scores.SaveCreditingTable;

/// <summary>
/// A fixed credit is whole minutes up to an hour (the dirty marks of a sync assume no fixed credit reaches further). The
/// longest scored item may only be lowered from the 10 hours: an item over 10 h is stored without its length.
/// </summary>
public sealed class SaveCreditingTableCommandValidator : AbstractValidator<SaveCreditingTableCommand>
{
    public const int MaximumFixedCreditMinutes = 60;

    public const int MinimumScoredHours = 1;

    public static readonly int MaximumScoredHours = (int)Activity.MaximumCreditedDuration.TotalHours;

    public SaveCreditingTableCommandValidator()
    {
        FixedCredit(c => c.SentEmailMinutes, "A sent email");
        FixedCredit(c => c.CalendarResponseMinutes, "A calendar response");
        FixedCredit(c => c.ChatMessageMinutes, "A chat message");
        FixedCredit(c => c.FileActionMinutes, "A file action");
        FixedCredit(c => c.SignInMinutes, "A sign-in");
        RuleFor(c => c.MaximumScoredHours).InclusiveBetween(MinimumScoredHours, MaximumScoredHours)
            .WithMessage($"The longest scored item must be between {MinimumScoredHours} and {MaximumScoredHours} hours.");
    }

    private void FixedCredit(System.Linq.Expressions.Expression<Func<SaveCreditingTableCommand, int>> minutes, string kind) =>
        RuleFor(minutes).InclusiveBetween(0, MaximumFixedCreditMinutes)
            .WithMessage($"{kind} must be credited between 0 and {MaximumFixedCreditMinutes} minutes.");
}
