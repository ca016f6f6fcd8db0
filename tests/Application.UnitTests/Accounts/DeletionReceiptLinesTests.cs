using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Accounts.DeleteWorkspace;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.UnitTests.Support;
using WorkSights.Infrastructure.Persistence;

namespace WorkSights.Application.UnitTests.Accounts;

/// <summary>The workspace deletion receipt speaks a customer's words, for every table of the database, and still counts every row.</summary>
public sealed class DeletionReceiptLinesTests
{
    [Fact]
    public void EveryTableOfTheModelHasReceiptWordsGivenTheTablesTheEfModelMaps()
    {
        using var database = new TestDatabase();
        using var db = database.CreateContext();
        var tables = ModelOwnedRows.Tables(db.Model).Select(e => e.GetTableName()!).ToHashSet(StringComparer.Ordinal);

        var unlabelled = tables.Except(DeletionReceiptLines.KnownTables).Order(StringComparer.Ordinal).ToList();
        var stale = DeletionReceiptLines.KnownTables.Except(tables).Order(StringComparer.Ordinal).ToList();

        Assert.True(unlabelled.Count == 0, $"tables without words on the deletion receipt (add them to DeletionReceiptLines): {string.Join(", ", unlabelled)}");
        Assert.True(stale.Count == 0, $"DeletionReceiptLines names tables the model no longer has: {string.Join(", ", stale)}");
    }

    [Fact]
    public void LinesUseCustomerWordsSumSharedLinesAndLeaveOutEmptyOnesGivenATableCount()
    {
        RemovedRows[] tables =
        [
            new("Tenants", 1), new("People", 12), new("Activities", 340), new("PersonDays", 50), new("AuditEntries", 7),
            new("CustomSchedules", 2), new("HolidayObservances", 3), new("NamedSchedules", 0),
            new("DirtyPersonDays", 4), new("ShownGroups", 5), new("SyncCheckpoints", 0),
            new("ApiKeys", 0), new("ErasureRequests", 0), new("SomeFutureTable", 6),
        ];

        var lines = DeletionReceiptLines.Of(tables);

        Assert.Equal(
            [
                new ReceiptLine("Workspace", 1), new ReceiptLine("People", 12), new ReceiptLine("Activities", 340), new ReceiptLine("Daily scores", 50),
                new ReceiptLine("Schedules and holidays", 5), new ReceiptLine("Audit log entries", 7), new ReceiptLine(DeletionReceiptLines.OtherRecords, 15),
            ],
            lines);
        Assert.Equal(tables.Sum(t => t.Count), lines.Sum(l => l.Count));
        Assert.DoesNotContain(lines, l => l.Label.Contains("Dirty", StringComparison.Ordinal) || l.Label.Contains("Shown", StringComparison.Ordinal));
    }

    [Fact]
    public void ReceiptCountsEveryRowAndShowsNoEmptyLineGivenAWorkspaceWithSomeEmptyTables()
    {
        var receipt = new WorkspaceDeletionReceipt("contoso.com", "contoso.com", DateTimeOffset.UnixEpoch, "Ada", [new("People", 3), new("ShownGroups", 0), new("FeedCheckpoints", 2)]);

        Assert.Equal(5, receipt.TotalRows);
        Assert.Equal([new ReceiptLine("People", 3), new ReceiptLine(DeletionReceiptLines.OtherRecords, 2)], receipt.Lines);
    }
}
