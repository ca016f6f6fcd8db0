using WorkSights.Domain.Activities;
using WorkSights.Domain.Common;

namespace WorkSights.Domain.Scores;

/// <summary>
/// What the score engine needs of one activity: its kind, when it started and how long it lasted at its source
/// (a meeting's scheduled length, a call's session length; ignored for fixed-credit kinds unless corrected).
/// </summary>
public sealed record ScoringActivity
{
    public ScoringActivity(Guid id, ActivityKind kind, DateTimeOffset start, TimeSpan duration, bool isExternal, bool isCorrected = false)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainRuleViolationException("An activity needs a known kind.");
        }

        if (duration < TimeSpan.Zero)
        {
            throw new DomainRuleViolationException("An activity cannot last a negative time.");
        }

        Id = id;
        Kind = kind;
        Start = start;
        Duration = duration;
        IsExternal = isExternal;
        IsCorrected = isCorrected;
    }

    public Guid Id { get; }

    public ActivityKind Kind { get; }

    public DateTimeOffset Start { get; }

    public TimeSpan Duration { get; }

    public bool IsExternal { get; }

    /// <summary>A person's own estimate: credited as given, whatever the kind's default.</summary>
    public bool IsCorrected { get; }

    /// <summary>
    /// A stored item was recorded with a zero credit when it lasted more than the maximum (see
    /// <see cref="Activity.MaximumCreditedDuration"/>); its length is then given back as just over the maximum so the
    /// engine keeps it unscored for the same reason.
    /// </summary>
    public static ScoringActivity From(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return FromStored(activity.Id, activity.Kind, activity.OccurredAt, activity.CreditedDuration, activity.IsScored, activity.IsExternal, activity.IsCorrected);
    }

    /// <summary>The same as <see cref="From(Activity)"/>, from the stored columns of an activity read without its entity.</summary>
    public static ScoringActivity FromStored(
        Guid id, ActivityKind kind, DateTimeOffset occurredAt, TimeSpan creditedDuration, bool isScored, bool isExternal, bool isCorrected)
    {
        var recordedOverLong = !isScored && kind is not (ActivityKind.CalendarBlock or ActivityKind.MailboxAccess);
        var duration = recordedOverLong ? Activity.MaximumCreditedDuration + TimeSpan.FromTicks(1) : creditedDuration;
        return new ScoringActivity(id, kind, occurredAt, duration, isExternal, isCorrected && !recordedOverLong);
    }
}
