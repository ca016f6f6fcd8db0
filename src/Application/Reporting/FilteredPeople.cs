using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Reporting.Visibility;

namespace WorkSights.Application.Reporting;

/// <summary>The people a viewer sees who match a filter's team and manager, with the names the pages show.</summary>
internal static class FilteredPeople
{
    public static async Task<IReadOnlyDictionary<Guid, string>> LoadAsync(
        IApplicationDbContext db, ViewerScope scope, ReportFilter filter, CancellationToken cancellationToken)
    {
        var people = await db.People.AsNoTracking().VisibleTo(scope)
            .Select(p => new { p.Id, p.DisplayName, p.Department, p.ExternalId, p.ManagerExternalId })
            .ToListAsync(cancellationToken);
        var matching = people.AsEnumerable();
        if (filter.Team is { } team)
        {
            matching = team == ReportFilter.NoTeam
                ? matching.Where(p => p.Department is null)
                : matching.Where(p => string.Equals(p.Department, team, StringComparison.OrdinalIgnoreCase));
        }

        if (filter.ManagerId is { } managerId)
        {
            var tree = await ReportingTreeAsync(db, managerId, cancellationToken);
            matching = matching.Where(p => tree.Contains(p.Id));
        }

        return matching.ToDictionary(p => p.Id, p => p.DisplayName);
    }

    /// <summary>A manager and everyone reporting to them, directly or not; a cycle in the directory ends the walk.</summary>
    private static async Task<HashSet<Guid>> ReportingTreeAsync(IApplicationDbContext db, Guid managerId, CancellationToken cancellationToken)
    {
        var everyone = await db.People.AsNoTracking().Select(p => new { p.Id, p.ExternalId, p.ManagerExternalId }).ToListAsync(cancellationToken);
        var reports = everyone.Where(p => p.ManagerExternalId is not null).ToLookup(p => p.ManagerExternalId!, StringComparer.OrdinalIgnoreCase);
        var tree = new HashSet<Guid>();
        var pending = new Queue<string>();
        if (everyone.FirstOrDefault(p => p.Id == managerId) is { } manager)
        {
            tree.Add(manager.Id);
            pending.Enqueue(manager.ExternalId);
        }

        while (pending.TryDequeue(out var externalId))
        {
            foreach (var report in reports[externalId])
            {
                if (tree.Add(report.Id))
                {
                    pending.Enqueue(report.ExternalId);
                }
            }
        }

        return tree;
    }
}
