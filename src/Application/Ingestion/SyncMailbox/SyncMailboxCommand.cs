using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.Ingestion;

namespace WorkSights.Application.Ingestion.SyncMailbox;

/// <summary>Brings one feature (email or calendar) of one person's mailbox up to date, resuming where the last sync stopped.</summary>
/// <param name="WorkspaceDomains">The workspace's own domains when the caller already knows them (a run reads them once).</param>
[SentByWorkSights("the sync job")]
public sealed record SyncMailboxCommand(Guid TenantId, Guid PersonId, ServiceFeature Feature, IReadOnlySet<string>? WorkspaceDomains = null) : ICommand<SyncResult>;
