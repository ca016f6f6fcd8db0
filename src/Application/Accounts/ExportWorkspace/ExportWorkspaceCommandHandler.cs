using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Accounts.DataExports;
using WorkSights.Application.Common.Audit;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Audit;

namespace WorkSights.Application.Accounts.ExportWorkspace;

/// <summary>Records the export in the audit log, then hands over the files, whose rows are read as they are written.</summary>
public sealed class ExportWorkspaceCommandHandler(IApplicationDbContext db, ITenantContext tenantContext, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ExportWorkspaceCommand, DataExport>
{
    public async ValueTask<DataExport> Handle(ExportWorkspaceCommand command, CancellationToken cancellationToken)
    {
        var tenantId = tenantContext.TenantId ?? throw new ForbiddenAccessException("Sign in to a workspace to export it.");
        var workspace = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenantId, cancellationToken) ?? throw new NotFoundException("Workspace");
        var counts = await WorkspaceExportCounts.ReadAsync(db, cancellationToken);
        var now = clock.GetUtcNow();
        db.AuditEntries.Add(AuditEntry.Record(
            tenantId, currentUser.AsAuditActor(), now, "workspace.exported", workspace.Name, null, $"{command.Format.ToString().ToUpperInvariant()}: {WorkspaceExportCounts.Words(counts)}"));
        await db.SaveChangesAsync(cancellationToken);

        return new DataExport(
            $"worksights-{workspace.PrimaryDomain}-{now:yyyy-MM-dd}",
            command.Format,
            [
                ExportTables.People(db.People),
                ExportTables.WorkspaceActivities(db.Activities),
                ExportTables.PersonDays(db.PersonDays),
                ExportTables.AuditLog(db.AuditEntries),
            ]);
    }
}
