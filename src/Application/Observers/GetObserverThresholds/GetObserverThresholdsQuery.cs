using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.Observers;
using WorkSights.Domain.People;

namespace WorkSights.Application.Observers.GetObserverThresholds;

/// <summary>The workspace's observer thresholds: its own, or the defaults.</summary>
[RequiresRole(PersonRole.Owner)]
public sealed record GetObserverThresholdsQuery : IQuery<ObserverThresholds>;
