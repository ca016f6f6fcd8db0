using Mediator;
using WorkSights.Application.Common.Security;

namespace WorkSights.Application.Ingestion.RunActivitySync;

/// <summary>Opens a sync run of a workspace: who is read, for which features. Null when the workspace cannot sync now.</summary>
[SentByWorkSights("the sync job")]
public sealed record StartActivitySyncCommand(Guid TenantId) : ICommand<ActivitySyncPlan?>;

public sealed record ActivitySyncPlan(Guid TenantId, IReadOnlyList<Guid> PersonIds, IReadOnlyList<Domain.Ingestion.ServiceFeature> Features, IReadOnlySet<string> WorkspaceDomains);
