using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Common.Models;
using WorkSights.Domain.People;

namespace WorkSights.Application.Directory.GetUserDirectory;

/// <summary>Filters, counts, sorts and pages in SQL: a page reads its 50 rows, never the whole directory.</summary>
public sealed class GetUserDirectoryQueryHandler(IApplicationDbContext db) : IQueryHandler<GetUserDirectoryQuery, UserDirectoryDto>
{
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
        var items = await sorted.ThenBy(p => p.Id)
            .Skip((page - 1) * query.PageSize).Take(query.PageSize)
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
            .ToListAsync(cancellationToken);

        var current = people.Where(p => p.Status != PersonStatus.Removed);
        var teams = await current.Where(p => p.Department != null).Select(p => p.Department!).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
        var managers = await people.Where(m => current.Any(p => p.ManagerExternalId == m.ExternalId))
            .OrderBy(m => m.DisplayName).Select(m => new DirectoryManagerDto(m.Id, m.DisplayName))
            .ToListAsync(cancellationToken);
        return new UserDirectoryDto(new PagedList<DirectoryPersonDto>(items, page, query.PageSize, total), teams, managers);
    }
}
