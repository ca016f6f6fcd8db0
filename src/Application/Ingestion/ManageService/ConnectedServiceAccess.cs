using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Ingestion;

namespace WorkSights.Application.Ingestion.ManageService;

internal static class ConnectedServiceAccess
{
    /// <summary>The current workspace's connection, created on first use for workspaces connected before it existed.</summary>
    public static async Task<ConnectedService> CurrentAsync(this IApplicationDbContext db, ITenantContext tenantContext, CancellationToken cancellationToken)
    {
        var tenantId = tenantContext.TenantId ?? throw new NotFoundException("Workspace");
        var service = await db.ConnectedServices.SingleOrDefaultAsync(cancellationToken);
        if (service is null)
        {
            var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Id == tenantId, cancellationToken) ?? throw new NotFoundException("Workspace");
            service = ConnectedService.For(tenant.Id, tenant.Provider);
            db.ConnectedServices.Add(service);
        }

        return service;
    }
}
