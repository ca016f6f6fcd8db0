using Mediator;
using NodaTime;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Reporting.GetActivityStream;

/// <summary>
/// One page of the Activity Stream: the visible people's activities of <paramref name="Day"/> (the viewer's local day),
/// newest first, after <paramref name="After"/> when the reader is loading more.
/// </summary>
[RequiresRole(PersonRole.Member, PersonRole.Manager, PersonRole.Executive, PersonRole.Owner)]
public sealed record GetActivityStreamQuery(LocalDate Day, ReportFilter Filter, StreamCursor? After = null, int PageSize = GetActivityStreamQuery.DefaultPageSize)
    : IQuery<ActivityStreamDto>
{
    public const int DefaultPageSize = 50;

    public const int MaximumPageSize = 200;
}
