using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Audit;
using WorkSights.Domain.Scores;

namespace WorkSights.Application.Scores;

/// <summary>
/// The current workspace's crediting table: everything that computes a score reads it here, and every change of it goes
/// through <see cref="ChangeAsync"/>, so that a new table always comes with its audit entry and with every day marked
/// for the recompute.
/// </summary>
public static class WorkspaceCreditingTable
{
    public const string ChangedAction = "scoring.crediting.changed";

    /// <summary>The workspace's own table, or the defaults when an Owner never changed it (one read by primary key).</summary>
    public static async Task<CreditingTable> ReadAsync(IApplicationDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var crediting = await db.WorkspaceCrediting.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return crediting?.Table ?? CreditingTable.Default;
    }

    /// <summary>
    /// Makes <paramref name="table"/> the workspace's table, recording who changed it from what in the audit log and
    /// marking every person's every day dirty, all in one save. A table equal to the current one changes nothing.
    /// </summary>
    /// <returns>Whether the table changed.</returns>
    public static async Task<bool> ChangeAsync(
        IApplicationDbContext db, Guid tenantId, AuditActor by, DateTimeOffset now, CreditingTable table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(by);
        var changedBy = by.PersonId ?? throw new ArgumentException("A person changes the crediting table.", nameof(by));
        var crediting = await db.WorkspaceCrediting.SingleOrDefaultAsync(cancellationToken);
        var before = crediting?.Table ?? CreditingTable.Default;
        if (before == table)
        {
            return false;
        }

        if (crediting is null)
        {
            db.WorkspaceCrediting.Add(WorkspaceCrediting.For(tenantId, table, changedBy, now));
        }
        else
        {
            crediting.Change(table, changedBy, now);
        }

        db.AuditEntries.Add(AuditEntry.Record(tenantId, by, now, ChangedAction, "Crediting table", Describe(before), Describe(table)));
        await DirtyDays.MarkEveryoneAsync(db, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The table as the audit log shows it: "sent email 5 min, …, longest scored item 10 h (model 1:300,…)".</summary>
    public static string Describe(CreditingTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"sent email {Minutes(table.SentEmail)}, calendar response {Minutes(table.CalendarResponse)}, chat message {Minutes(table.ChatMessage)}, "
            + $"file action {Minutes(table.FileAction)}, sign-in {Minutes(table.SignIn)}, longest scored item {table.MaximumScored.TotalHours:0.##} h "
            + $"(model {table.ModelVersion})");
    }

    private static string Minutes(TimeSpan credit) => string.Create(CultureInfo.InvariantCulture, $"{credit.TotalMinutes:0.##} min");
}
