using WorkSights.Domain.Activities;

namespace WorkSights.Application.Reporting.CorrectActivityDuration;

/// <summary>
/// How long a corrected item may be: a meeting or call at most its real length at the source (one cannot claim more of
/// a meeting than it lasted); an item whose real length the source does not tell (an email, a chat message, a file
/// action, a sign-in) at most <see cref="UntimedMaximum"/>.
/// </summary>
public static class CorrectionLimits
{
    public static readonly TimeSpan UntimedMaximum = TimeSpan.FromHours(4);

    /// <param name="originalLength">The item's credit before anyone corrected it.</param>
    public static TimeSpan MaximumFor(ActivityKind kind, TimeSpan originalLength) => kind switch
    {
        ActivityKind.Meeting or ActivityKind.Call when originalLength > TimeSpan.Zero => Min(originalLength, Activity.MaximumCreditedDuration),
        ActivityKind.Meeting or ActivityKind.Call => Activity.MaximumCreditedDuration,
        _ => UntimedMaximum,
    };

    /// <summary>Calendar blocks, mailbox access and over-long items are never scored, so a correction would change nothing.</summary>
    public static bool CanBeCorrected(ActivityKind kind, bool isScored) => isScored && kind is not (ActivityKind.CalendarBlock or ActivityKind.MailboxAccess);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
