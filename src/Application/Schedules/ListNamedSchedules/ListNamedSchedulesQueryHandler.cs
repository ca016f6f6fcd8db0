using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Interfaces;

namespace WorkSights.Application.Schedules.ListNamedSchedules;

/// <summary>Reads the named schedules alone: the Users page shows them on every view, without who follows each.</summary>
public sealed class ListNamedSchedulesQueryHandler(IApplicationDbContext db) : IQueryHandler<ListNamedSchedulesQuery, IReadOnlyList<NamedScheduleChoiceDto>>
{
    public async ValueTask<IReadOnlyList<NamedScheduleChoiceDto>> Handle(ListNamedSchedulesQuery query, CancellationToken cancellationToken) =>
        NamedScheduleChoiceDto.Of(await db.NamedSchedules.AsNoTracking().ToListAsync(cancellationToken));
}
