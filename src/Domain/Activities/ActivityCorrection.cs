using WorkSights.Domain.Common;

namespace WorkSights.Domain.Activities;

/// <summary>A record that someone changed one item's credited duration: who, when, and from what to what. Never edited.</summary>
public sealed class ActivityCorrection : ITenantOwned
{
    private ActivityCorrection()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid ActivityId { get; private set; }

    /// <summary>Whose item it is.</summary>
    public Guid PersonId { get; private set; }

    /// <summary>Who made the correction.</summary>
    public Guid CorrectedBy { get; private set; }

    public DateTimeOffset CorrectedAt { get; private set; }

    public TimeSpan Previous { get; private set; }

    public TimeSpan Corrected { get; private set; }

    public static ActivityCorrection Record(Activity activity, Guid correctedBy, TimeSpan previous, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!activity.IsCorrected)
        {
            throw new DomainRuleViolationException("A correction is recorded after the item was corrected.");
        }

        if (correctedBy == Guid.Empty)
        {
            throw new DomainRuleViolationException("A correction names who made it.");
        }

        return new ActivityCorrection
        {
            Id = Guid.CreateVersion7(now),
            TenantId = activity.TenantId,
            ActivityId = activity.Id,
            PersonId = activity.PersonId,
            CorrectedBy = correctedBy,
            CorrectedAt = Guard.Utc(now.ToUniversalTime(), "Correction time"),
            Previous = previous,
            Corrected = activity.CreditedDuration,
        };
    }
}
