namespace WorkSights.Domain.Ingestion;

/// <summary>What a connected service can feed into the timeline; each can be switched off.</summary>
public enum ServiceFeature
{
    Email = 1,
    Calendar = 2,
    Calls = 3,
    Chat = 4,
    Files = 5,
    Logins = 6,

    /// <summary>Mailbox access markers from the Exchange audit log: someone opened their mailbox, without sending anything.</summary>
    MailboxAccess = 7,
}
