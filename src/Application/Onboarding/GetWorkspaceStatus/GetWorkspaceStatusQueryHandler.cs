using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.People;

namespace WorkSights.Application.Onboarding.GetWorkspaceStatus;

public sealed class GetWorkspaceStatusQueryHandler(IApplicationDbContext db, ITenantContext tenantContext)
    : IQueryHandler<GetWorkspaceStatusQuery, WorkspaceStatusDto>
{
    public async ValueTask<WorkspaceStatusDto> Handle(GetWorkspaceStatusQuery query, CancellationToken cancellationToken)
    {
        var tenantId = tenantContext.TenantId ?? throw new NotFoundException("Workspace");
        if (query.WorkspaceId is { } asked && asked != tenantId)
        {
            throw new NotFoundException("Workspace");
        }

        var tenant = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenantId, cancellationToken)
            ?? throw new NotFoundException("Workspace");
        var sync = await db.DirectorySyncStates.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var people = await db.People.CountAsync(p => p.Status != PersonStatus.Removed, cancellationToken);
        return new WorkspaceStatusDto(
            tenant.Id,
            tenant.Name,
            tenant.PrimaryDomain,
            tenant.Provider,
            tenant.Status,
            tenant.IsSetupComplete,
            tenant.ConsentGrantedAt,
            tenant.ConsentRevokedAt,
            people,
            sync?.LastSucceededAt,
            sync?.LastAttemptAt,
            sync?.LastError);
    }
}
