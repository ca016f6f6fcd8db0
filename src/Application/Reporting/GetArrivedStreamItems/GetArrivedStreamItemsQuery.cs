using Mediator;
using NodaTime;
using WorkSights.Application.Common.Security;
using WorkSights.Application.Ingestion.Arrivals;
using WorkSights.Domain.People;

namespace WorkSights.Application.Reporting.GetArrivedStreamItems;

/// <summary>
/// The items an open Activity Stream receives live: of the activities just stored (<paramref name="Arrivals"/>), those of
/// <paramref name="Day"/> that the viewer sees and the filter keeps, newest first.
/// </summary>
[RequiresRole(PersonRole.Member, PersonRole.Manager, PersonRole.Executive, PersonRole.Owner)]
public sealed record GetArrivedStreamItemsQuery(LocalDate Day, ReportFilter Filter, IReadOnlyList<ActivityArrival> Arrivals)
    : IQuery<IReadOnlyList<StreamItemDto>>;
