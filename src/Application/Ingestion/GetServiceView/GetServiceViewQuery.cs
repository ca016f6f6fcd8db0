using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Ingestion.GetServiceView;

/// <summary>Service View: the connection, its features and how the syncing goes, as true at this moment.</summary>
[RequiresRole(PersonRole.Owner, PersonRole.TechnicalAdmin)]
public sealed record GetServiceViewQuery : IQuery<ServiceViewDto>;
