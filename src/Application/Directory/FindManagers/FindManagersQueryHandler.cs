using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Directory.GetUserDirectory;
using WorkSights.Domain.People;

namespace WorkSights.Application.Directory.FindManagers;

public sealed class FindManagersQueryHandler(IApplicationDbContext db) : IQueryHandler<FindManagersQuery, IReadOnlyList<DirectoryManagerDto>>
{
    public async ValueTask<IReadOnlyList<DirectoryManagerDto>> Handle(FindManagersQuery query, CancellationToken cancellationToken)
    {
        var people = db.People.AsNoTracking();
        var current = people.Where(p => p.Status != PersonStatus.Removed);
        var managers = current.Where(m => current.Any(p => p.ManagerExternalId == m.ExternalId));
        if (!string.IsNullOrWhiteSpace(query.Term))
        {
            var term = query.Term.Trim().ToLowerInvariant();
            // A whole address (the directory's links carry one) is found along the e-mail index, not by reading everyone.
            if (term.Contains('@', StringComparison.Ordinal)
                && await ReadAsync(managers.Where(m => m.Email == term), query.Max, cancellationToken) is { Count: > 0 } byAddress)
            {
                return byAddress;
            }

            managers = managers.Where(m => m.DisplayName.ToLower().Contains(term) || m.Email.Contains(term));
        }

        return await ReadAsync(managers, query.Max, cancellationToken);
    }

    private static async Task<IReadOnlyList<DirectoryManagerDto>> ReadAsync(IQueryable<Person> managers, int max, CancellationToken cancellationToken) =>
        await managers.OrderBy(m => m.DisplayName).ThenBy(m => m.Id).Take(max)
            .Select(m => new DirectoryManagerDto(m.Id, m.DisplayName, m.Email))
            .ToListAsync(cancellationToken);
}
