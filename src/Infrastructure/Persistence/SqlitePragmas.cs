using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WorkSights.Infrastructure.Persistence;

/// <summary>
/// Per-connection settings, each measured by the backfill benchmark:
/// <list type="bullet">
/// <item>With write-ahead logging, NORMAL synchronisation stays safe against a process crash and spares a disk flush per
/// commit, which shortens how long each sync page holds SQLite's single write lock.</item>
/// <item>The log is copied back into the database (checkpointed) by the commit that finds it past 16,384 pages (64 MB)
/// rather than SQLite's default 1,000: a page rewritten by many commits is copied once per checkpoint, and a backfill
/// spends about 60 % of the time it did in its commits. The connection that writes pages of activities checkpoints
/// nothing itself (see <see cref="LogCheckpoints"/>).</item>
/// <item>Temporary storage in memory: the journal that lets one page of a group commit be undone alone (a savepoint)
/// keeps the original of every database page the page writes; in a file, that copy cost a quarter of the upserts'
/// time.</item>
/// </list>
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=16384; PRAGMA temp_store=MEMORY;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }
}
