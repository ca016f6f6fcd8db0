namespace WorkSights.Domain.Activities;

public enum ActivityKind
{
    EmailSent = 1,
    Meeting = 2,
    CalendarBlock = 3,
    CalendarResponse = 4,
    Call = 5,
    ChatMessage = 6,
    FileAction = 7,
    SignIn = 8,

    /// <summary>Someone's mailbox was opened (the audit feed's MailItemsAccessed): a marker on the timeline, never scored.</summary>
    MailboxAccess = 9,
}
