using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Accounts.DataExports;
using WorkSights.Application.Common.Audit;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Audit;

namespace WorkSights.Application.Accounts.ExportMyData;

/// <summary>Only the requester's own rows, whatever their role: the person is taken from the session, never from input.</summary>
public sealed class ExportMyDataCommandHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<ExportMyDataCommand, DataExport>
{
    public async ValueTask<DataExport> Handle(ExportMyDataCommand command, CancellationToken cancellationToken)
    {
        var me = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == currentUser.PersonId, cancellationToken)
            ?? throw new ForbiddenAccessException("Sign in to a workspace to download your data.");
        var now = clock.GetUtcNow();
        db.AuditEntries.Add(AuditEntry.Record(me.TenantId, currentUser.AsAuditActor(), now, "person.data.downloaded", me.DisplayName, null, null));
        await db.SaveChangesAsync(cancellationToken);

        var id = me.Id;
        var names = new[] { me.DisplayName, me.Email };
        return new DataExport(
            $"worksights-my-data-{now:yyyy-MM-dd}",
            ExportFormat.Json,
            [
                ExportTables.People(db.People.Where(p => p.Id == id)) with { Name = "profile" },
                ExportTables.Activities(db.Activities.Where(a => a.PersonId == id)),
                ExportTables.PersonDays(db.PersonDays.Where(d => d.PersonId == id)) with { Name = "day-results" },
                ExportTables.DayLocations(db.PersonDayLocations.Where(l => l.PersonId == id)),
                ExportTables.Corrections(db.ActivityCorrections.Where(c => c.PersonId == id || c.CorrectedBy == id)),
                ExportTables.NotificationPreferences(db.NotificationPreferences.Where(n => n.PersonId == id)),
                ExportTables.AuditLog(db.AuditEntries.Where(e => e.ByPersonId == id || names.Contains(e.Subject) || names.Contains(e.Before!) || names.Contains(e.After!)))
                    with { Name = "audit-entries" },
            ]);
    }
}
