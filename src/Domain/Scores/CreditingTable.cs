using System.Globalization;
using WorkSights.Domain.Activities;
using WorkSights.Domain.Common;

namespace WorkSights.Domain.Scores;

/// <summary>
/// The time each kind of item is credited with, and the longest item that is still scored. A workspace may tune it;
/// the model version is derived from it, so results computed under different tables never look alike.
/// </summary>
public sealed record CreditingTable
{
    /// <summary>Raised whenever the engine's rules change in a way the table does not show.</summary>
    public const int EngineRevision = 1;

    public CreditingTable(
        TimeSpan sentEmail,
        TimeSpan calendarResponse,
        TimeSpan chatMessage,
        TimeSpan fileAction,
        TimeSpan signIn,
        TimeSpan maximumScored)
    {
        foreach (var credit in new[] { sentEmail, calendarResponse, chatMessage, fileAction, signIn })
        {
            if (credit < TimeSpan.Zero || credit > TimeSpan.FromHours(1))
            {
                throw new DomainRuleViolationException("A fixed credit is between 0 and 1 hour.");
            }
        }

        if (maximumScored <= TimeSpan.Zero || maximumScored > TimeSpan.FromHours(24))
        {
            throw new DomainRuleViolationException("The longest scored item is between 0 and 24 hours.");
        }

        SentEmail = sentEmail;
        CalendarResponse = calendarResponse;
        ChatMessage = chatMessage;
        FileAction = fileAction;
        SignIn = signIn;
        MaximumScored = maximumScored;
    }

    /// <summary>PRODUCT.md's defaults, the same the importers credit each item with.</summary>
    public static CreditingTable Default { get; } = new(
        CreditingRules.SentEmail,
        CreditingRules.CalendarResponse,
        CreditingRules.ChatMessage,
        CreditingRules.FileAction,
        CreditingRules.SignIn,
        Activity.MaximumCreditedDuration);

    public TimeSpan SentEmail { get; }

    public TimeSpan CalendarResponse { get; }

    public TimeSpan ChatMessage { get; }

    public TimeSpan FileAction { get; }

    public TimeSpan SignIn { get; }

    /// <summary>Items lasting longer than this are shown but not scored.</summary>
    public TimeSpan MaximumScored { get; }

    /// <summary>
    /// The engine revision, then every duration of the table in whole seconds, in the order of the constructor:
    /// the defaults give "1:300,60,120,180,60,36000". Changing any duration changes the version.
    /// </summary>
    public string ModelVersion => string.Create(
        CultureInfo.InvariantCulture,
        $"{EngineRevision}:{Seconds(SentEmail)},{Seconds(CalendarResponse)},{Seconds(ChatMessage)},{Seconds(FileAction)},{Seconds(SignIn)},{Seconds(MaximumScored)}");

    /// <summary>The fixed credit of a kind, or null when the item's own length is credited (meetings, calls) or nothing is.</summary>
    public TimeSpan? FixedCreditOf(ActivityKind kind) => kind switch
    {
        ActivityKind.EmailSent => SentEmail,
        ActivityKind.CalendarResponse => CalendarResponse,
        ActivityKind.ChatMessage => ChatMessage,
        ActivityKind.FileAction => FileAction,
        ActivityKind.SignIn => SignIn,
        _ => null,
    };

    /// <summary>How long an item counts: a corrected item its corrected length, a fixed-credit kind the table's credit, anything else its own length.</summary>
    public TimeSpan LengthOf(ActivityKind kind, TimeSpan duration, bool isCorrected) =>
        isCorrected ? duration : FixedCreditOf(kind) ?? duration;

    /// <summary>Sub-second durations would not show in the version, so they are written with ticks after a dot.</summary>
    private static string Seconds(TimeSpan duration) =>
        duration.Ticks % TimeSpan.TicksPerSecond == 0
            ? (duration.Ticks / TimeSpan.TicksPerSecond).ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{duration.Ticks / TimeSpan.TicksPerSecond}.{duration.Ticks % TimeSpan.TicksPerSecond:D7}");
}
