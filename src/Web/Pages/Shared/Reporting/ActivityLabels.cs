using WorkSights.Domain.Activities;
using WorkSights.Domain.Scores;

namespace WorkSights.Web.Pages.Shared.Reporting;

/// <summary>Words for an item's kind and for why it is not scored, as Activity Detail and the day bar say them.</summary>
public static class ActivityLabels
{
    public static string Of(ActivityKind kind) => kind switch
    {
        ActivityKind.EmailSent => "Sent email",
        ActivityKind.Meeting => "Meeting",
        ActivityKind.CalendarBlock => "Calendar block",
        ActivityKind.CalendarResponse => "Calendar response",
        ActivityKind.Call => "Teams call",
        ActivityKind.ChatMessage => "Chat message",
        ActivityKind.FileAction => "File action",
        ActivityKind.SignIn => "Sign-in",
        _ => "Mailbox opened",
    };

    public static string Of(UnscoredReason reason) => reason switch
    {
        UnscoredReason.None => "Scored",
        UnscoredReason.CalendarBlock => "Not scored: a calendar entry with nobody else in it",
        UnscoredReason.MailboxAccess => "Not scored: the mailbox was opened, which marks the timeline but is not work",
        _ => "Not scored: longer than 10 hours",
    };
}
