using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.People;

namespace WorkSights.Application.Reporting;

/// <summary>Applies a <see cref="ReportFilter"/>'s team and manager to the people a report lists.</summary>
public static class ReportFilterQueries
{
    /// <summary>People shown in reports: active and not blocked from provisioning.</summary>
    public static IQueryable<Person> ReportedOn(this IQueryable<Person> people) =>
        people.Where(p => p.Status == PersonStatus.Active && p.ProvisioningState != ProvisioningState.Blocked);

    /// <summary>The filter's team (<see cref="ReportFilter.NoTeam"/>: people without a department), and the manager with their whole tree.</summary>
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

        return people;
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
