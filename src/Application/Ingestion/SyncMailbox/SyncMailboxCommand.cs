using Mediator;
using WorkSights.Domain.Ingestion;

namespace WorkSights.Application.Ingestion.SyncMailbox;

/// <summary>Brings one feature (email or calendar) of one person's mailbox up to date, resuming where the last sync stopped.</summary>
public sealed record SyncMailboxCommand(Guid TenantId, Guid PersonId, ServiceFeature Feature) : ICommand<MailboxSyncResult>;

public enum MailboxSyncOutcome
{
    Completed = 1,
    Skipped = 2,
    Parked = 3,
    ConsentRevoked = 4,
    ProviderUnavailable = 5,
}

public sealed record MailboxSyncResult(MailboxSyncOutcome Outcome, int Stored, int Removed, DateTimeOffset? NotBefore = null, string? Problem = null)
{
    public static MailboxSyncResult Skip() => new(MailboxSyncOutcome.Skipped, 0, 0);
}
