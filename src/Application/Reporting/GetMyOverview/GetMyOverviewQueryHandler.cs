using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Reporting.Visibility;

namespace WorkSights.Application.Reporting.GetMyOverview;

public sealed class GetMyOverviewQueryHandler(IApplicationDbContext db, ViewerScopes scopes) : IQueryHandler<GetMyOverviewQuery, MyOverviewDto>
{
    public async ValueTask<MyOverviewDto> Handle(GetMyOverviewQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.CurrentAsync(cancellationToken);
        var name = await db.People.AsNoTracking().Where(p => p.Id == scope.ViewerId).Select(p => p.DisplayName).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Your profile");
        // The range and as many days before it, for the comparison with the person's own history.
        var before = query.From.AddDays(query.From.DayNumber - query.To.DayNumber - 1);
        var stored = await db.PersonDays.AsNoTracking()
            .Where(d => d.PersonId == scope.ViewerId && d.Date >= before && d.Date <= query.To)
            .Select(d => new { d.Date, d.IsWorkDay, d.Credited, d.DailyTarget, d.Score, d.Band, d.Summary, d.AfterHours, d.InternalMeetings, d.ExternalMeetings })
            .ToDictionaryAsync(d => d.Date, cancellationToken);

        var days = Enumerable.Range(0, query.To.DayNumber - query.From.DayNumber + 1)
            .Select(offset => query.From.AddDays(offset))
            .Select(date => stored.TryGetValue(date, out var d)
                ? new OverviewDay(date, true, d.IsWorkDay, d.Credited, d.DailyTarget, scope.SeesScores ? d.Score : null, scope.SeesScores ? d.Band : null, DaySummaries.ForViewer(d.Summary, scope.SeesScores))
                : new OverviewDay(date, false, false, TimeSpan.Zero, TimeSpan.Zero, null, null, null))
            .ToList();
        var figures = stored.Values.ToLookup(d => d.Date >= query.From, d => new DayFigures(d.IsWorkDay, d.Credited, d.AfterHours, d.InternalMeetings + d.ExternalMeetings, d.Score));
        return new MyOverviewDto(
            scope.ViewerId,
            name,
            scope.SeesScores,
            query.From,
            query.To,
            days,
            days.Aggregate(TimeSpan.Zero, (sum, d) => sum + d.Credited),
            PeriodFigures.Of(figures[true], scope.SeesScores),
            PeriodFigures.Of(figures[false], scope.SeesScores));
    }
}
