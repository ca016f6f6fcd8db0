using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Accounts.DataExports;
using WorkSights.Application.Common.Interfaces;

namespace WorkSights.Application.Accounts.ExportWorkspace;

/// <summary>How many rows each file of a workspace export holds, counted before it starts.</summary>
public static class WorkspaceExportCounts
{
    public static async Task<IReadOnlyList<ExportFileCount>> ReadAsync(IApplicationDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return
        [
            new("people", await db.People.CountAsync(cancellationToken)),
            new("activities", await db.Activities.CountAsync(cancellationToken)),
            new("person-days", await db.PersonDays.CountAsync(cancellationToken)),
            new("audit-log", await db.AuditEntries.CountAsync(cancellationToken)),
        ];
    }

    public static string Words(IEnumerable<ExportFileCount> counts) => string.Join(", ", counts.Select(c => $"{c.Rows} {c.Name}"));
}
