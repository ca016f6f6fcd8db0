using Mediator;
using NodaTime;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Reporting.GetMapPlaces;

/// <summary>Where each visible person worked on <paramref name="Day"/> (their own local day), at city level.</summary>
[RequiresRole(PersonRole.Member, PersonRole.Manager, PersonRole.Executive, PersonRole.Owner)]
public sealed record GetMapPlacesQuery(LocalDate Day, ReportFilter Filter) : IQuery<MapPlacesDto>;
