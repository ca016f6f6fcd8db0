using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Interfaces;

namespace WorkSights.Application.Schedules.ListNamedSchedules;

/// <summary>Reads the named schedules alone: the Users page shows them on every view, without who follows each.</summary>
public sealed class ListNamedSchedulesQueryHandler(IApplicationDbContext db) : IQueryHandler<ListNamedSchedulesQuery, IReadOnlyList<NamedScheduleChoiceDto>>
{
    public async ValueTask<IReadOnlyList<NamedScheduleChoiceDto>> Handle(ListNamedSchedulesQuery query, CancellationToken cancellationToken) =>
        (await db.NamedSchedules.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(s => new NamedScheduleChoiceDto(s.Id, s.Name, ScheduleText.Of(s.Week)))
            .ToList();
}
