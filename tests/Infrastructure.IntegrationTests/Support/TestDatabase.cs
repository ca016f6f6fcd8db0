using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Infrastructure.Persistence;
using WorkSights.Infrastructure.Tenancy;

namespace WorkSights.Infrastructure.IntegrationTests.Support;

/// <summary>A real SQLite database in a temporary file, migrated with the committed migrations.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"worksights-it-{Guid.NewGuid():N}.db");

    public TestDatabase()
    {
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 }.ToString();
        using var db = NewContext(new TenantContext());
        db.Database.Migrate();
    }

    public string ConnectionString { get; }

    public string FilePath => path;

    /// <summary>A context of its own (own connection), as a request or background job would get.</summary>
    public ApplicationDbContext NewContext(ITenantContext tenantContext, params IInterceptor[] interceptors) =>
        new(new DbContextOptionsBuilder<ApplicationDbContext>().UseSqlite(ConnectionString).AddInterceptors(interceptors).Options, tenantContext);

    /// <summary>
    /// Every column of every row of <paramref name="table"/> that belongs to <paramref name="tenantId"/>, read with
    /// plain SQL (no EF filters or conversions), one canonical line per row, ordered.
    /// </summary>
    public IReadOnlyList<string> RawRows(string table, Guid tenantId, string orderBy = "ExternalId")
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY \"{orderBy}\"";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        var tenantColumn = reader.GetOrdinal("TenantId");
        while (reader.Read())
        {
            if (!Guid.TryParse(reader.GetString(tenantColumn), out var owner) || owner != tenantId)
            {
                continue;
            }

            var line = new StringBuilder();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var value = reader.IsDBNull(i) ? "<null>" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
                line.Append(reader.GetName(i)).Append('=').Append(value).Append(" | ");
            }

            rows.Add(line.ToString());
        }

        return rows;
    }

    /// <summary>Row counts of <paramref name="table"/> per owning tenant, read with plain SQL.</summary>
    public IReadOnlyDictionary<Guid, int> CountByTenant(string table)
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT TenantId, COUNT(*) FROM \"{table}\" GROUP BY TenantId";
        using var reader = command.ExecuteReader();
        var counts = new Dictionary<Guid, int>();
        while (reader.Read())
        {
            counts[Guid.Parse(reader.GetString(0))] = reader.GetInt32(1);
        }

        return counts;
    }

    /// <summary>Every (table, column) of the schema, read from sqlite_master and table_info.</summary>
    public IReadOnlyList<(string Table, string Column)> Columns()
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        var tables = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var columns = new List<(string, string)>();
        foreach (var table in tables)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT name FROM pragma_table_info('{table.Replace("'", "''", StringComparison.Ordinal)}')";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                columns.Add((table, reader.GetString(0)));
            }
        }

        return columns;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // A leftover temp file is harmless.
            }
        }
    }
}
