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

        // The people shown filter the rows by id (IN) and the names come after, for those with a finding: a join would
        // let SQLite, without statistics, search the workspace's people once for each of 100,000 rows.
        var shown = people.Select(p => p.Id);
        var rows = await db.PersonDays.AsNoTracking().VisibleTo(scope)
            .Where(d => shown.Contains(d.PersonId) && d.Date >= first && d.Date <= today)
            .Select(d => new
            {
                d.PersonId,
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
        var found = rows
            .GroupBy(r => r.PersonId)
            .SelectMany(person => ObserverRules
                .Evaluate(
                    person.Select(r => new ObservedDay(
                        r.Date, r.IsWorkDay, r.Score, r.Band, r.Credited, r.AfterHours, r.InternalMeetings + r.ExternalMeetings, r.FocusEnd - r.FocusStart ?? TimeSpan.Zero)),
                    today,
                    thresholds,
                    scope.SeesScores)
                .Select(finding => (PersonId: person.Key, Finding: finding)))
            .ToList();
        var names = await people.NamesShownOfAsync(scope, [.. found.Select(f => f.PersonId).Distinct()], cancellationToken);
        return found
            .Where(f => names.ContainsKey(f.PersonId))
            .Select(f => new FindingDto(f.PersonId, names[f.PersonId], f.Finding.Rule, f.Finding.From, f.Finding.To, f.Finding.Explanation))
            .OrderByDescending(f => f.To)
            .ThenBy(f => f.Rule)
            .ThenBy(f => f.PersonName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }
}
