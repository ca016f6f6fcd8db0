using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Common.Models;

namespace WorkSights.Application.Directory.GetNotImportedIdentities;

/// <remarks>A page past the last is answered with the last.</remarks>
public sealed class GetNotImportedIdentitiesQueryHandler(IApplicationDbContext db) : IQueryHandler<GetNotImportedIdentitiesQuery, PagedList<NotImportedIdentityDto>>
{
    public async ValueTask<PagedList<NotImportedIdentityDto>> Handle(GetNotImportedIdentitiesQuery query, CancellationToken cancellationToken)
    {
        var identities = db.NotImportedIdentities.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLowerInvariant();
            identities = identities.Where(i => i.DisplayName.ToLower().Contains(term) || i.Email.Contains(term));
        }

        var total = await identities.CountAsync(cancellationToken);
        var lastPage = Math.Max(1, (int)Math.Ceiling(total / (double)query.PageSize));
        var page = Math.Min(query.Page, lastPage);
        var items = await identities.OrderBy(i => i.Reason).ThenBy(i => i.DisplayName).ThenBy(i => i.Id)
            .Skip((page - 1) * query.PageSize).Take(query.PageSize)
            .Select(i => new NotImportedIdentityDto(i.Id, i.DisplayName, i.Email, i.Reason, i.FirstSeenAt))
            .ToListAsync(cancellationToken);
        return new PagedList<NotImportedIdentityDto>(items, page, query.PageSize, total);
    }
}
