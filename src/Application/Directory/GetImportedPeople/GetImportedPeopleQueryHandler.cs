using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Common.Models;
using WorkSights.Domain.People;

namespace WorkSights.Application.Directory.GetImportedPeople;

/// <remarks>A page past the last is answered with the last.</remarks>
public sealed class GetImportedPeopleQueryHandler(IApplicationDbContext db) : IQueryHandler<GetImportedPeopleQuery, ImportedPeopleDto>
{
    public async ValueTask<ImportedPeopleDto> Handle(GetImportedPeopleQuery query, CancellationToken cancellationToken)
    {
        var current = db.People.AsNoTracking().Where(p => p.Status != PersonStatus.Removed);
        var counts = await current.GroupBy(p => p.ProvisioningState)
            .Select(g => new { State = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.State, g => g.Count, cancellationToken);

        var filtered = query.State is { } state ? current.Where(p => p.ProvisioningState == state) : current;
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLowerInvariant();
            filtered = filtered.Where(p => p.DisplayName.ToLower().Contains(term) || p.Email.Contains(term));
        }

        var total = await filtered.CountAsync(cancellationToken);
        var lastPage = Math.Max(1, (int)Math.Ceiling(total / (double)query.PageSize));
        var page = Math.Min(query.Page, lastPage);
        var items = await filtered.OrderBy(p => p.DisplayName).ThenBy(p => p.Id)
            .Skip((page - 1) * query.PageSize).Take(query.PageSize)
            .ProjectToImportedPerson()
            .ToListAsync(cancellationToken);

        var allStates = Enum.GetValues<ProvisioningState>().ToDictionary(s => s, s => counts.GetValueOrDefault(s));
        return new ImportedPeopleDto(new PagedList<ImportedPersonDto>(items, page, query.PageSize, total), allStates);
    }
}
