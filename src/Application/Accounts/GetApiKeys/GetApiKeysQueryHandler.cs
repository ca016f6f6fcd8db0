using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.People;

namespace WorkSights.Application.Accounts.GetApiKeys;

public sealed class GetApiKeysQueryHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<GetApiKeysQuery, ApiKeysDto>
{
    public async ValueTask<ApiKeysDto> Handle(GetApiKeysQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var keys = await (
                from k in db.ApiKeys.AsNoTracking()
                join p in db.People.AsNoTracking() on k.CreatedByPersonId equals (Guid?)p.Id into creators
                from p in creators.DefaultIfEmpty()
                select new { Key = k, CreatedBy = p == null ? null : p.DisplayName })
            .ToListAsync(cancellationToken);
        var rows = keys
            .OrderByDescending(k => k.Key.CreatedAt)
            .Select(k => new ApiKeyDto(
                k.Key.Id,
                k.Key.Name,
                k.Key.ClientId,
                k.Key.ScopeList,
                k.CreatedBy,
                k.Key.CreatedAt,
                k.Key.ExpiresAt,
                k.Key.RevokedAt,
                k.Key.LastUsedAt,
                k.Key.IsRevoked ? ApiKeyState.Revoked : k.Key.IsExpiredAt(now) ? ApiKeyState.Expired : ApiKeyState.Active))
            .ToList();
        return new ApiKeysDto(rows, currentUser.Role == PersonRole.Owner);
    }
}
