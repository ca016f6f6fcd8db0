using WorkSights.Application.Common.Interfaces;

namespace WorkSights.Application.Accounts.DeleteWorkspace;

/// <summary>One line of the deletion receipt: what the erased records were, in a customer's words, and how many.</summary>
public sealed record ReceiptLine(string Label, int Count);

/// <summary>
/// The deletion receipt's words for the workspace's tables, kept here in one place: each table of the database has a
/// line a customer understands (several tables may share one, e.g. the schedules and holidays), or is bookkeeping that
/// means nothing to a customer and is counted under <see cref="OtherRecords"/>. A table missing here is counted there
/// too, so the total always counts every row; a unit test fails until it has its words.
/// </summary>
public static class DeletionReceiptLines
{
    public const string OtherRecords = "Other records";

    /// <summary>The receipt's lines in the order it shows them, each with the tables it counts.</summary>
    private static readonly (string Label, string[] Tables)[] Lines =
    [
        ("Workspace", ["Tenants"]),
        ("People", ["People"]),
        ("Activities", ["Activities"]),
        ("Activity corrections", ["ActivityCorrections"]),
        ("Daily scores", ["PersonDays"]),
        ("Daily places", ["PersonDayLocations"]),
        ("Team and workspace daily scores", ["GroupDays"]),
        ("Schedules and holidays", ["CustomSchedules", "NamedSchedules", "PersonScheduleSettings", "HolidayObservances"]),
        ("Working hours from mailboxes", ["PersonMailboxSettings"]),
        ("Scoring and observer settings", ["WorkspaceCrediting", "ObserverSettings"]),
        ("Notification settings", ["NotificationPreferences"]),
        ("Audit log entries", ["AuditEntries"]),
        ("API keys", ["ApiKeys"]),
        ("Connected services", ["ConnectedServices"]),
        ("Sign-in sessions", ["Sessions"]),
        ("Sign-up and consent records", ["PendingSignUps", "ConsentRequests"]),
        ("Identities not imported", ["NotImportedIdentities"]),
        ("Erasure requests", ["ErasureRequests"]),
        ("Erased people (their directory ids)", ["ErasedIdentities"]),
    ];

    /// <summary>
    /// Tables that only keep WorkSights' own work in order (where a sync stopped, which days wait for a recompute,
    /// privacy mode's memory of shown groups, cached counts): counted under <see cref="OtherRecords"/>.
    /// </summary>
    private static readonly string[] Bookkeeping =
        ["DirectorySyncStates", "SyncCheckpoints", "FeedCheckpoints", "DirtyPersonDays", "ShownGroups", "ServiceActivityCounts"];

    private static readonly Dictionary<string, string> LabelOfTable = Lines
        .SelectMany(line => line.Tables.Select(table => (Table: table, line.Label)))
        .Concat(Bookkeeping.Select(table => (Table: table, Label: OtherRecords)))
        .ToDictionary(t => t.Table, t => t.Label, StringComparer.Ordinal);

    /// <summary>Every table this class has words for, a receipt line's or <see cref="OtherRecords"/>.</summary>
    public static IReadOnlyCollection<string> KnownTables => LabelOfTable.Keys;

    /// <summary>The line a table's rows are counted on; <see cref="OtherRecords"/> for bookkeeping and for a table not known here.</summary>
    public static string LabelOf(string table) => LabelOfTable.GetValueOrDefault(table, OtherRecords);

    /// <summary>The receipt's lines: each label's rows summed over its tables, lines with none left out, other records last.</summary>
    public static IReadOnlyList<ReceiptLine> Of(IEnumerable<RemovedRows> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var counts = tables.GroupBy(t => LabelOf(t.Table)).ToDictionary(g => g.Key, g => g.Sum(t => t.Count), StringComparer.Ordinal);
        return
        [
            .. Lines.Select(line => line.Label).Append(OtherRecords)
                .Select(label => new ReceiptLine(label, counts.GetValueOrDefault(label)))
                .Where(line => line.Count > 0),
        ];
    }
}
