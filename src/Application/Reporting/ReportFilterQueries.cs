using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Reporting.Visibility;
using WorkSights.Domain.Activities;
using WorkSights.Domain.People;
using WorkSights.Domain.Scores;

namespace WorkSights.Application.Reporting;

/// <summary>Applies a <see cref="ReportFilter"/> on top of a viewer's scope: the people a report lists, and their days.</summary>
public static class ReportFilterQueries
{
    /// <summary>The people <paramref name="scope"/> sees who match the filter's team and manager.</summary>
    public static Task<IQueryable<Person>> PeopleShownAsync(IApplicationDbContext db, ViewerScope scope, ReportFilter filter, CancellationToken cancellationToken) =>
        db.People.AsNoTracking().VisibleTo(scope).FilteredByAsync(filter, db, cancellationToken);

    /// <summary>The people <paramref name="scope"/> sees who match the filter, by id with the names (or pseudonyms) the pages show.</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> NamesShownAsync(IApplicationDbContext db, ViewerScope scope, ReportFilter filter, CancellationToken cancellationToken) =>
        await (await PeopleShownAsync(db, scope, filter, cancellationToken)).NamesShownAsync(scope, cancellationToken);

    /// <summary>Every one of <paramref name="people"/> by id, with the name (or pseudonym) the pages show.</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> NamesShownAsync(this IQueryable<Person> people, ViewerScope scope, CancellationToken cancellationToken) =>
        await people.Select(p => new { p.Id, p.DisplayName })
            .ToDictionaryAsync(p => p.Id, p => scope.NameOf(p.Id, p.DisplayName), cancellationToken);

    /// <summary>
    /// The names (or pseudonyms) the pages show of <paramref name="ids"/> among <paramref name="people"/>, read by id once
    /// the rows they name are known: a join to the people would let SQLite, without statistics, search the whole
    /// workspace's people for each row.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> NamesShownOfAsync(
        this IQueryable<Person> people, ViewerScope scope, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await people.Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.DisplayName })
            .ToDictionaryAsync(p => p.Id, p => scope.NameOf(p.Id, p.DisplayName), cancellationToken);

    /// <summary>
    /// Whether the filter selects everyone the scope sees is everyone of the workspace: a query may then read the
    /// workspace's rows without listing the people (a category or service still narrows the items themselves).
    /// </summary>
    public static bool SelectsWholeWorkspace(this ViewerScope scope, ReportFilter filter) =>
        scope.SeesEveryone && !filter.NarrowsPeople;

    /// <summary>People shown in reports: active, not blocked from provisioning and not merged into another person.</summary>
    public static IQueryable<Person> ReportedOn(this IQueryable<Person> people) =>
        people.Where(p => p.Status == PersonStatus.Active && p.ProvisioningState != ProvisioningState.Blocked && p.LinkedPersonId == null);

    /// <summary>
    /// The filter's team (<see cref="ReportFilter.NoTeam"/>: people without a department), the manager with their whole
    /// tree, the one person and the job title.
    /// </summary>
    public static async Task<IQueryable<Person>> FilteredByAsync(
        this IQueryable<Person> people, ReportFilter filter, IApplicationDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.Team == ReportFilter.NoTeam)
        {
            people = people.Where(p => p.Department == null);
        }
        else if (filter.Team is { } team)
        {
            people = people.Where(p => p.Department == team);
        }

        if (filter.ManagerId is { } managerId)
        {
            var tree = await ReportingTreeAsync(db, managerId, cancellationToken);
            people = people.Where(p => tree.Contains(p.Id));
        }

        if (filter.PersonId is { } personId)
        {
            people = people.Where(p => p.Id == personId);
        }

        if (filter.JobTitle is { } jobTitle)
        {
            people = people.Where(p => p.JobTitle == jobTitle);
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

    /// <summary>The manager and everyone reporting to them directly or through others; a cycle in the directory ends the walk.</summary>
    public static async Task<IReadOnlyCollection<Guid>> ReportingTreeAsync(IApplicationDbContext db, Guid managerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var people = await db.People.AsNoTracking().Select(p => new { p.Id, p.ExternalId, p.ManagerExternalId }).ToListAsync(cancellationToken);
        var reportsByManager = people.Where(p => p.ManagerExternalId is not null).ToLookup(p => p.ManagerExternalId!, StringComparer.OrdinalIgnoreCase);
        var tree = new HashSet<Guid>();
        var pending = new Queue<string>();
        if (people.FirstOrDefault(p => p.Id == managerId) is { } manager)
        {
            tree.Add(managerId);
            pending.Enqueue(manager.ExternalId);
        }

        while (pending.TryDequeue(out var externalId))
        {
            foreach (var report in reportsByManager[externalId].Where(report => tree.Add(report.Id)))
            {
                pending.Enqueue(report.ExternalId);
            }
        }

        return tree;
    }
}
