using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Accounts.DataExports;
using WorkSights.Application.Common.Audit;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Audit;
using WorkSights.Domain.Privacy;

namespace WorkSights.Application.Accounts.ExportWorkspace;

/// <summary>
/// Records the export in the audit log, then hands over the files, whose rows are read as they are written; under privacy
/// mode they name people by pseudonym only.
/// </summary>
public sealed class ExportWorkspaceCommandHandler(
    IApplicationDbContext db, ITenantContext tenantContext, ICurrentUser currentUser, IPseudonymKeys pseudonymKeys, TimeProvider clock)
    : ICommandHandler<ExportWorkspaceCommand, DataExport>
{
    public async ValueTask<DataExport> Handle(ExportWorkspaceCommand command, CancellationToken cancellationToken)
    {
        var tenantId = tenantContext.TenantId ?? throw new ForbiddenAccessException("Sign in to a workspace to export it.");
        var workspace = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenantId, cancellationToken) ?? throw new NotFoundException("Workspace");
        var counts = await WorkspaceExportCounts.ReadAsync(db, cancellationToken);
        var now = clock.GetUtcNow();
        var pseudonymous = workspace.PrivacyModeOn ? " under pseudonyms" : string.Empty;
        db.AuditEntries.Add(AuditEntry.Record(
            tenantId, currentUser.AsAuditActor(), now, "workspace.exported", workspace.Name, null, $"{command.Format.ToString().ToUpperInvariant()}{pseudonymous}: {WorkspaceExportCounts.Words(counts)}"));
        await db.SaveChangesAsync(cancellationToken);

        var name = $"worksights-{workspace.PrimaryDomain}-{now:yyyy-MM-dd}";
        if (workspace is { PrivacyModeOn: true, ProtectedPseudonymKey: { } protectedKey })
        {
            var key = pseudonymKeys.Unprotect(protectedKey);
            var tables = new PseudonymousExportTables(id => Pseudonym.Of(key, id));
            return new DataExport(name, command.Format, [tables.People(db.People), tables.Activities(db.Activities), tables.PersonDays(db.PersonDays), tables.AuditLog(db.AuditEntries)]);
        }

        return new DataExport(
            name,
            command.Format,
            [
                ExportTables.People(db.People),
                ExportTables.WorkspaceActivities(db.Activities),
                ExportTables.PersonDays(db.PersonDays),
                ExportTables.AuditLog(db.AuditEntries),
            ]);
    }
}
