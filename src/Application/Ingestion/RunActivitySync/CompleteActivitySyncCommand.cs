using Mediator;
using WorkSights.Application.Common.Security;

namespace WorkSights.Application.Ingestion.RunActivitySync;

/// <summary>Closes a sync run and schedules the next one; a problem met on the way is kept for Service View.</summary>
[SentByWorkSights("the sync job")]
public sealed record CompleteActivitySyncCommand(Guid TenantId, DateTimeOffset NextSyncAt, string? Problem) : ICommand;
