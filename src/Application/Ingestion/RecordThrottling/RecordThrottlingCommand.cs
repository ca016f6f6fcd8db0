using Mediator;
using WorkSights.Application.Common.Security;

namespace WorkSights.Application.Ingestion.RecordThrottling;

/// <summary>Microsoft 365 asked the workspace's connection to pause until <paramref name="Until"/>; Service View says so.</summary>
[SentByWorkSights("the sync job")]
public sealed record RecordThrottlingCommand(Guid TenantId, DateTimeOffset Until) : ICommand;
