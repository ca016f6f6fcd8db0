using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace WorkSights.Benchmarks;

/// <summary>
/// The baseline for the store phase: the rows the backfill stored, read back from Activities and inserted into a fresh
/// table of the same shape (same columns, keys, foreign keys and indexes) with one prepared command in one transaction.
/// </summary>
internal static class RawInsert
{
    private const string Source = "Activities";
    private const string Target = "BenchRawActivities";

    public static async Task<(int Rows, TimeSpan Elapsed)> RunAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "PRAGMA foreign_keys = ON;");

        var ddl = new List<string>();
        await using (var schema = connection.CreateCommand())
        {
            schema.CommandText = "SELECT sql FROM sqlite_master WHERE tbl_name = $table AND sql IS NOT NULL ORDER BY type = 'index'";
            schema.Parameters.AddWithValue("$table", Source);
            await using var reader = await schema.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                ddl.Add(reader.GetString(0).Replace($"\"{Source}\"", $"\"{Target}\"", StringComparison.Ordinal)
                    .Replace($"IX_{Source}_", $"IX_{Target}_", StringComparison.Ordinal)
                    .Replace($"PK_{Source}", $"PK_{Target}", StringComparison.Ordinal));
            }
        }

        var rows = new List<object[]>();
        string[] columns;
        await using (var select = connection.CreateCommand())
        {
            select.CommandText = $"SELECT * FROM \"{Source}\" ORDER BY rowid";
            await using var reader = await select.ExecuteReaderAsync();
            columns = [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)];
            while (await reader.ReadAsync())
            {
                var values = new object[reader.FieldCount];
                reader.GetValues(values);
                rows.Add(values);
            }
        }

        await ExecuteAsync(connection, $"DROP TABLE IF EXISTS \"{Target}\";");
        foreach (var statement in ddl)
        {
            await ExecuteAsync(connection, statement);
        }

        var started = Stopwatch.GetTimestamp();
        await using (var transaction = connection.BeginTransaction())
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO \"{Target}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
            var parameters = columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
            insert.Prepare();
            foreach (var row in rows)
            {
                for (var i = 0; i < row.Length; i++)
                {
                    parameters[i].Value = row[i];
                }

                insert.ExecuteNonQuery();
            }

            await transaction.CommitAsync();
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        await ExecuteAsync(connection, $"DROP TABLE \"{Target}\";");
        return (rows.Count, elapsed);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
