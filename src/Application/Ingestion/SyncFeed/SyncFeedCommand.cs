using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.Ingestion;

namespace WorkSights.Application.Ingestion.SyncFeed;

/// <summary>Brings one workspace-wide feed (call records, sign-ins, an audit content type) up to date from its checkpoint.</summary>
[SentByWorkSights("the sync job")]
public sealed record SyncFeedCommand(Guid TenantId, TenantFeed Feed) : ICommand<SyncResult>;
