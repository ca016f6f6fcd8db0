using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.Ingestion;
using WorkSights.Domain.People;

namespace WorkSights.Application.Ingestion.ManageService;

/// <summary>Switches one feature of the workspace's connection on or off; the sync honours it from its next page.</summary>
[RequiresRole(PersonRole.Owner, PersonRole.TechnicalAdmin)]
public sealed record SetServiceFeatureCommand(ServiceFeature Feature, bool Enabled) : ICommand;
