using Mediator;
using WorkSights.Application.Common.Security;

namespace WorkSights.Application.Ingestion.RunActivitySync;

/// <summary>How many people of the running sync are done: the progress Service View shows.</summary>
[SentByWorkSights("the sync job")]
public sealed record RecordSyncProgressCommand(Guid TenantId, int PeopleDone) : ICommand;
