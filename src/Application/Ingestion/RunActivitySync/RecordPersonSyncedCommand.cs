using Mediator;

namespace WorkSights.Application.Ingestion.RunActivitySync;

/// <summary>One more person of the running sync is done: the progress Service View shows.</summary>
public sealed record RecordPersonSyncedCommand(Guid TenantId) : ICommand;
