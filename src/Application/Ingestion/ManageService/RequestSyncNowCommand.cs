using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Ingestion.ManageService;

/// <summary>"Sync now": the workspace's next sync starts right away instead of at its scheduled time.</summary>
[RequiresRole(PersonRole.Owner, PersonRole.TechnicalAdmin)]
public sealed record RequestSyncNowCommand : ICommand;
