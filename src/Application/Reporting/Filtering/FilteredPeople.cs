using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Reporting.Visibility;
using WorkSights.Domain.Activities;
using WorkSights.Domain.People;
using WorkSights.Domain.Scores;

namespace WorkSights.Application.Reporting.Filtering;

/// <summary>Applies a <see cref="ReportFilter"/> on top of a viewer's scope: the people shown, and their days.</summary>
public static class FilteredPeople
{
    /// <summary>The people the viewer sees who match the filter's team and manager.</summary>
    public static async Task<IQueryable<Person>> VisibleAsync(IApplicationDbContext db, ViewerScope scope, ReportFilter filter, CancellationToken cancellationToken)
    {
        var people = db.People.AsNoTracking().VisibleTo(scope);
        if (filter.Team is { } team)
        {
            people = team == ReportFilter.NoTeam ? people.Where(p => p.Department == null) : people.Where(p => p.Department == team);
        }

        if (filter.ManagerId is { } managerId)
        {
            var tree = await ReportingTreeAsync(db, managerId, cancellationToken);
            people = people.Where(p => tree.Contains(p.Id));
        }

        return people;
    }

    /// <summary>Keeps the days with an item of the filter's category and from the filter's service.</summary>
    public static IQueryable<PersonDay> WithActivityOf(this IQueryable<PersonDay> days, IApplicationDbContext db, ReportFilter filter)
    {
        days = filter.Category switch
        {
            ActivityCategory.Email => days.Where(d => d.EmailCount > 0),
            ActivityCategory.Meeting => days.Where(d => d.InternalMeetingCount + d.ExternalMeetingCount > 0),
            ActivityCategory.Call => days.Where(d => d.CallCount > 0),
            ActivityCategory.Chat => days.Where(d => d.ChatCount > 0),
            ActivityCategory.File => days.Where(d => d.FileCount > 0),
            ActivityCategory.Login => days.Where(d => d.LoginCount > 0),
            ActivityCategory.CalendarBlock => days.Where(d => db.Activities.Any(a => a.PersonId == d.PersonId && a.Kind == ActivityKind.CalendarBlock
                && a.OccurredAt >= d.DayStart && a.OccurredAt < d.DayEnd)),
            _ => days,
        };
        if (filter.Service is { } service)
        {
            days = days.Where(d => db.Activities.Any(a => a.PersonId == d.PersonId && a.Source == service && a.OccurredAt >= d.DayStart && a.OccurredAt < d.DayEnd));
        }

        return days;
    }

    /// <summary>The manager and everyone reporting to them, directly or through others.</summary>
    private static async Task<HashSet<Guid>> ReportingTreeAsync(IApplicationDbContext db, Guid managerId, CancellationToken cancellationToken)
    {
        var people = await db.People.AsNoTracking().Select(p => new { p.Id, p.ExternalId, p.ManagerExternalId }).ToListAsync(cancellationToken);
        var reports = people.Where(p => p.ManagerExternalId is not null).ToLookup(p => p.ManagerExternalId!, StringComparer.OrdinalIgnoreCase);
        var tree = new HashSet<Guid> { managerId };
        var pending = new Queue<string>(people.Where(p => p.Id == managerId).Select(p => p.ExternalId));
        while (pending.TryDequeue(out var externalId))
        {
            foreach (var report in reports[externalId].Where(r => tree.Add(r.Id)))
            {
                pending.Enqueue(report.ExternalId);
            }
        }

        return tree;
    }
}
