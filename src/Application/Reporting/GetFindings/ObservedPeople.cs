using Microsoft.EntityFrameworkCore;
using NodaTime;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Observers;
using WorkSights.Application.Reporting.Visibility;
using WorkSights.Application.Scores;
using WorkSights.Domain.Observers;
using WorkSights.Domain.People;

namespace WorkSights.Application.Reporting.GetFindings;

/// <summary>Runs the observers over people's recent person-days, as of the viewer's today.</summary>
public sealed class ObservedPeople(IApplicationDbContext db, IWorkCalendars calendars, TimeProvider clock)
{
    /// <summary>Seven weeks: the after-hours rule's longest setting (six complete weeks) and the week in progress.</summary>
    public const int WindowDays = 49;

    public async Task<IReadOnlyList<FindingDto>> FindingsAsync(ViewerScope scope, IQueryable<Person> people, CancellationToken cancellationToken)
    {
        var own = await calendars.ForPeopleAsync([scope.ViewerId], cancellationToken);
        var zone = own.TryGetValue(scope.ViewerId, out var calendar) ? calendar.Zone : DateTimeZone.Utc;
        var today = Instant.FromDateTimeOffset(clock.GetUtcNow()).InZone(zone).Date.ToDateOnly();
        var first = today.AddDays(1 - WindowDays);
        var thresholds = await WorkspaceThresholds.ReadAsync(db, cancellationToken);

        var rows = await (
                from d in db.PersonDays.AsNoTracking().VisibleTo(scope)
                join p in people on d.PersonId equals p.Id
                where d.Date >= first && d.Date <= today
                select new
                {
                    d.PersonId,
                    p.DisplayName,
                    d.Date,
                    d.IsWorkDay,
                    d.Score,
                    d.Band,
                    d.Credited,
                    d.AfterHours,
                    d.InternalMeetings,
                    d.ExternalMeetings,
                    d.FocusStart,
                    d.FocusEnd,
                })
            .ToListAsync(cancellationToken);
        return rows
            .GroupBy(r => (r.PersonId, r.DisplayName))
            .SelectMany(person => ObserverRules
                .Evaluate(
                    person.Select(r => new ObservedDay(
                        r.Date, r.IsWorkDay, r.Score, r.Band, r.Credited, r.AfterHours, r.InternalMeetings + r.ExternalMeetings, r.FocusEnd - r.FocusStart ?? TimeSpan.Zero)),
                    today,
                    thresholds,
                    scope.SeesScores)
                .Select(f => new FindingDto(person.Key.PersonId, scope.NameOf(person.Key.PersonId, person.Key.DisplayName), f.Rule, f.From, f.To, f.Explanation)))
            .OrderByDescending(f => f.To)
            .ThenBy(f => f.Rule)
            .ThenBy(f => f.PersonName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }
}
