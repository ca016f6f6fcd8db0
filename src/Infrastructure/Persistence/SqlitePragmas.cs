using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WorkSights.Infrastructure.Persistence;

/// <summary>
/// With write-ahead logging, NORMAL synchronisation stays safe against a process crash and spares a disk flush per
/// commit, which shortens how long each sync page holds SQLite's single write lock. It is a per-connection setting.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private const string Pragma = "PRAGMA synchronous=NORMAL;";

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }
}
