using Mediator;
using WorkSights.Domain.Ingestion;

namespace WorkSights.Application.Ingestion.SyncMailbox;

/// <summary>Brings one feature (email or calendar) of one person's mailbox up to date, resuming where the last sync stopped.</summary>
public sealed record SyncMailboxCommand(Guid TenantId, Guid PersonId, ServiceFeature Feature) : ICommand<SyncResult>;
