using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Ingestion.ManageService;

/// <summary>Disconnect stops all syncing and keeps what was imported; connect resumes where it stopped.</summary>
[RequiresRole(PersonRole.Owner, PersonRole.TechnicalAdmin)]
public sealed record SetConnectionCommand(bool Connected) : ICommand;
