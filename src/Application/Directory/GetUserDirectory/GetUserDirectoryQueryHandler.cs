using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Caching;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Common.Models;
using WorkSights.Domain.People;

namespace WorkSights.Application.Directory.GetUserDirectory;

/// <summary>
/// Filters, counts, sorts and pages in SQL: a page reads its 50 rows, never the whole directory. Measured with 10,000
/// people (<c>bench/WorkSights.PageBenchmark --suite people</c>), each statement avoids work per person of the directory
/// where it can: the sort carries only the ids, the page's rows and their managers' names are read for its 50 ids alone,
/// and the team and manager lists start from their indexes' distinct values rather than from every person, and are
/// remembered until something of the workspace is stored.
/// </summary>
public sealed class GetUserDirectoryQueryHandler(IApplicationDbContext db, WorkspaceMemo memo) : IQueryHandler<GetUserDirectoryQuery, UserDirectoryDto>
{
    /// <summary>The filters' teams and managers change only with the people: every view of an unchanged workspace shares them.</summary>
    public static readonly TimeSpan ListsRemembered = TimeSpan.FromMinutes(10);

    public async ValueTask<UserDirectoryDto> Handle(GetUserDirectoryQuery query, CancellationToken cancellationToken)
    {
        var people = db.People.AsNoTracking();
        var matching = people.Matching(query.Filter, db);
        var total = await matching.CountAsync(cancellationToken);
        var page = Math.Min(query.Page, Math.Max(1, (int)Math.Ceiling(total / (double)query.PageSize)));
        // Names sort as people read them, "bob" beside "Bob" (SQLite's NOCASE folds ASCII letters).
        var sorted = query.Sort switch
        {
            DirectorySort.Team => matching.OrderBy(p => p.Department == null).ThenBy(p => p.Department).ThenBy(p => EF.Functions.Collate(p.DisplayName, "NOCASE")),
            DirectorySort.Role => matching.OrderByDescending(p => p.Role).ThenBy(p => EF.Functions.Collate(p.DisplayName, "NOCASE")),
            _ => matching.OrderBy(p => EF.Functions.Collate(p.DisplayName, "NOCASE")),
        };
        // SQLite sorts whole result rows: sorting the ids alone, then reading the page's rows, keeps the sort small and
        // looks up 50 managers' names instead of one for every matching person.
        var ids = await sorted.ThenBy(p => p.Id).Skip((page - 1) * query.PageSize).Take(query.PageSize).Select(p => p.Id).ToListAsync(cancellationToken);
        var rows = await people.Where(p => ids.Contains(p.Id))
            .Select(p => new DirectoryPersonDto(
                p.Id,
                p.DisplayName,
                p.Email,
                p.Department,
                p.JobTitle,
                people.Where(m => m.ExternalId == p.ManagerExternalId).Select(m => m.DisplayName).FirstOrDefault(),
                p.Role,
                p.HasLoginAccess,
                p.ProvisioningState,
                p.Status))
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var items = ids.Select(id => rows[id]).ToList();

        var lists = await memo.GetOrComputeAsync("directory filter lists", ListsRemembered, () => FilterListsAsync(people, cancellationToken));
        return new UserDirectoryDto(new PagedList<DirectoryPersonDto>(items, page, query.PageSize, total), lists.Teams, lists.Managers);
    }

    private static async Task<FilterLists> FilterListsAsync(IQueryable<Person> people, CancellationToken cancellationToken)
    {
        var current = people.Where(p => p.Status != PersonStatus.Removed);
        // Grouped along the team index, each team then checked once for a current person (HAVING EXISTS).
        var teams = await people.Where(p => p.Department != null).GroupBy(p => p.Department!)
            .Where(team => current.Any(p => p.Department == team.Key))
            .Select(team => team.Key).OrderBy(t => t).ToListAsync(cancellationToken);
        var managerIds = people.Where(p => p.ManagerExternalId != null).Select(p => p.ManagerExternalId!).Distinct();
        var managers = await people.Where(m => managerIds.Contains(m.ExternalId) && current.Any(p => p.ManagerExternalId == m.ExternalId))
            .OrderBy(m => EF.Functions.Collate(m.DisplayName, "NOCASE")).ThenBy(m => m.Id).Select(m => new DirectoryManagerDto(m.Id, m.DisplayName))
            .ToListAsync(cancellationToken);
        return new FilterLists(teams, managers);
    }

    private sealed record FilterLists(IReadOnlyList<string> Teams, IReadOnlyList<DirectoryManagerDto> Managers);
}
