using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Accounts.ExportWorkspace;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;

namespace WorkSights.Application.Accounts.GetWorkspaceData;

public sealed class GetWorkspaceDataQueryHandler(IApplicationDbContext db, ITenantContext tenantContext) : IQueryHandler<GetWorkspaceDataQuery, WorkspaceDataDto>
{
    public async ValueTask<WorkspaceDataDto> Handle(GetWorkspaceDataQuery query, CancellationToken cancellationToken)
    {
        var tenantId = tenantContext.TenantId ?? throw new NotFoundException("Workspace");
        var name = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.Name).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Workspace");
        var requests = await db.ErasureRequests.AsNoTracking()
            .Join(db.People, r => r.PersonId, p => p.Id, (r, p) => new { r.PersonId, p.DisplayName, p.Email, r.RequestedAt })
            .ToListAsync(cancellationToken);
        return new WorkspaceDataDto(
            name,
            await WorkspaceExportCounts.ReadAsync(db, cancellationToken),
            requests.OrderBy(r => r.RequestedAt).Select(r => new ErasureRequestDto(r.PersonId, r.DisplayName, r.Email, r.RequestedAt)).ToList());
    }
}
