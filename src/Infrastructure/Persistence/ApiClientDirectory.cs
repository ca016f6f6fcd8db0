using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Interfaces;

namespace WorkSights.Infrastructure.Persistence;

/// <summary>
/// The one read of API keys across workspaces: the token endpoint names a client id before any workspace is known. It
/// reads only the workspace id of the key with exactly that client id (unique across workspaces); the key itself is then
/// read inside that workspace's scope.
/// </summary>
public sealed class ApiClientDirectory(ApplicationDbContext db) : IApiClientDirectory
{
    public async Task<Guid?> FindWorkspaceOfClientAsync(string clientId, CancellationToken cancellationToken) =>
        await db.ApiKeys.IgnoreQueryFilters([ApplicationDbContext.TenantFilter])
            .AsNoTracking()
            .Where(k => k.ClientId == clientId)
            .Select(k => (Guid?)k.TenantId)
            .SingleOrDefaultAsync(cancellationToken);
}
