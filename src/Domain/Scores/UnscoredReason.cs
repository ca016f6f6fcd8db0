namespace WorkSights.Domain.Scores;

/// <summary>Why an item is shown on the timeline but adds nothing to the score.</summary>
public enum UnscoredReason
{
    None = 0,

    /// <summary>A calendar entry with no other relevant participant.</summary>
    CalendarBlock = 1,

    /// <summary>Someone opened the mailbox: a marker, not work by the person.</summary>
    MailboxAccess = 2,

    /// <summary>Longer than the crediting table's maximum.</summary>
    LongerThanMaximum = 3,
}
