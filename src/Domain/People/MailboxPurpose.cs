namespace WorkSights.Domain.People;

/// <summary>What a mailbox is for, as Exchange Online says (Graph's <c>mailboxSettings.userPurpose</c>).</summary>
public enum MailboxPurpose
{
    /// <summary>Not known: no mailbox, the settings could not be read, or a value Graph added later.</summary>
    Unknown = 0,

    /// <summary>One person's mailbox (Graph's "user", and "linked": a person's mailbox whose account lives in another forest).</summary>
    Person = 1,

    Shared = 2,

    Room = 3,

    Equipment = 4,

    /// <summary>Graph's "others": a mailbox of some other kind, which WorkSights takes as a person's.</summary>
    Other = 5,
}
