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
/// where it can: the sort carries only the ids and walks the name index, the page's rows and their managers' names are
/// read for its 50 ids alone, and the team list starts from its index's distinct values rather than from every person.
/// Each order (name, team, role) and the count of current people walk an index that carries the status, so a page
/// reads no person's row but its own 50 (see <c>PersonConfiguration</c>).
/// The answer is remembered until something of the workspace is stored: an admin going back and forth between pages
/// and filters of an unchanged directory is answered without a query. Managers are not listed (a workspace of 10,000
/// has over a thousand): <see cref="FindManagers.FindManagersQuery"/> finds them as a name is typed.
/// </summary>
public sealed class GetUserDirectoryQueryHandler(IApplicationDbContext db, WorkspaceMemo memo) : IQueryHandler<GetUserDirectoryQuery, UserDirectoryDto>
{
    /// <summary>The directory changes only with the people, and every change of them is a stored change.</summary>
    public static readonly TimeSpan Remembered = TimeSpan.FromMinutes(10);

    /// <summary>The team list is the same for every page, filter and sort: one answer per data version serves them all.</summary>
    private const string TeamsKey = "directory teams";

    public async ValueTask<UserDirectoryDto> Handle(GetUserDirectoryQuery query, CancellationToken cancellationToken) =>
        await memo.GetOrComputeAsync(query, Remembered, () => ReadAsync(query, cancellationToken));

    private async Task<UserDirectoryDto> ReadAsync(GetUserDirectoryQuery query, CancellationToken cancellationToken)
    {
        var people = db.People.AsNoTracking();
        var matching = people.Matching(query.Filter, db);
        var total = await matching.CountAsync(cancellationToken);
        var page = Math.Min(query.Page, Math.Max(1, (int)Math.Ceiling(total / (double)query.PageSize)));
        var sorted = query.Sort switch
        {
            DirectorySort.Team => matching.OrderBy(p => p.Department == null).ThenBy(p => p.Department).ThenBy(p => p.DisplayName),
            DirectorySort.Role => matching.OrderByDescending(p => p.Role).ThenBy(p => p.DisplayName),
            _ => matching.OrderBy(p => p.DisplayName),
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

        var teams = await memo.GetOrComputeAsync(TeamsKey, Remembered, () => ReadTeamsAsync(people, cancellationToken));
        var manager = query.Filter.ManagerId is { } managerId
            ? await people.Where(m => m.Id == managerId).Select(m => new DirectoryManagerDto(m.Id, m.DisplayName, m.Email)).SingleOrDefaultAsync(cancellationToken)
            : null;
        return new UserDirectoryDto(new PagedList<DirectoryPersonDto>(items, page, query.PageSize, total), teams, manager);
    }

    /// <summary>
    /// The distinct teams of current people, read from the team index (which carries the status) in its order. A team
    /// checked for a current person by a correlated EXISTS read the workspace's people again for each team.
    /// </summary>
    private static async Task<IReadOnlyList<string>> ReadTeamsAsync(IQueryable<Person> people, CancellationToken cancellationToken) =>
        await people.Where(p => p.Status != PersonStatus.Removed && p.Department != null)
            .Select(p => p.Department!).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
}
