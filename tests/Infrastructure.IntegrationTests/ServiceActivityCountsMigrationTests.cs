using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using WorkSights.Domain.Activities;
using WorkSights.Infrastructure.Persistence;
using WorkSights.Infrastructure.Tenancy;

namespace WorkSights.Infrastructure.IntegrationTests;

/// <summary>
/// The migration that creates the ServiceActivityCounts read model fills it from the activities already stored: for a
/// database holding activities of two workspaces, its counts equal those counted from the inserted rows by hand.
/// </summary>
public sealed class ServiceActivityCountsMigrationTests : IDisposable
{
    private const string Before = "20261204204550_ScoreReadModels";
    private const string Creating = "20261205052417_ServiceActivityCounts";

    private readonly string path = Path.Combine(Path.GetTempPath(), $"worksights-migration-{Guid.NewGuid():N}.db");

    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();

    [Fact]
    public void CountsEqualTheActivitiesOfEachWorkspaceAndKind()
    {
        using var db = new ApplicationDbContext(new DbContextOptionsBuilder<ApplicationDbContext>().UseSqlite(ConnectionString).Options, new TenantContext());
        var migrator = db.GetService<IMigrator>();
        Assert.Contains(Before, db.Database.GetMigrations());
        Assert.Equal(Creating, db.Database.GetMigrations().SkipWhile(m => m != Before).Skip(1).First());
        migrator.Migrate(Before);

        var fabrikam = Guid.NewGuid();
        var contoso = Guid.NewGuid();
        var emptyWorkspace = Guid.NewGuid();
        (Guid Tenant, ActivityKind Kind, int Count)[] stored =
        [
            (fabrikam, ActivityKind.EmailSent, 7),
            (fabrikam, ActivityKind.Meeting, 3),
            (fabrikam, ActivityKind.MailboxAccess, 2),
            (contoso, ActivityKind.EmailSent, 1),
            (contoso, ActivityKind.SignIn, 5),
        ];
        InsertWorkspaces(fabrikam, contoso, emptyWorkspace);
        InsertActivities(stored);

        migrator.Migrate(Creating);

        var counted = ReadCounts();
        Assert.Equal(
            stored.Select(s => (s.Tenant, s.Kind, (long)s.Count, 0L)).OrderBy(c => c.Tenant).ThenBy(c => c.Kind),
            counted.OrderBy(c => c.Tenant).ThenBy(c => c.Kind));
        Assert.DoesNotContain(counted, c => c.Tenant == emptyWorkspace);

        // The migrations after it keep the counts.
        migrator.Migrate();
        Assert.Equal(counted.Count, ReadCounts().Count);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(path);
    }

    private void InsertWorkspaces(params Guid[] workspaces)
    {
        using var connection = Open();
        foreach (var workspace in workspaces)
        {
            Execute(
                connection,
                "INSERT INTO Tenants (Id, CreatedAt, ExternalTenantId, Name, PrimaryDomain, Provider, ScoresVisibleToMembers, Status) " +
                "VALUES ($id, 0, $external, 'Workspace', 'example.com', 1, 1, 1)",
                ("$id", Text(workspace)),
                ("$external", workspace.ToString()));
        }
    }

    /// <summary>Rows written with plain SQL, as the schema of the migration before stores them; people are left out (no foreign keys checked).</summary>
    private void InsertActivities(IEnumerable<(Guid Tenant, ActivityKind Kind, int Count)> stored)
    {
        using var connection = Open();
        Execute(connection, "PRAGMA foreign_keys = OFF");
        var n = 0;
        foreach (var (tenant, kind, count) in stored)
        {
            for (var i = 0; i < count; i++)
            {
                Execute(
                    connection,
                    "INSERT INTO Activities (Id, CounterpartCount, CreditedDuration, ExternalId, IsCorrected, IsExternal, IsScored, Kind, OccurredAt, PersonId, Source, SyncedAt, TenantId) " +
                    "VALUES ($id, 0, 0, $external, 0, 0, 1, $kind, 0, $person, 1, 0, $tenant)",
                    ("$id", Text(Guid.NewGuid())),
                    ("$external", $"seed-{n++}"),
                    ("$kind", (int)kind),
                    ("$person", Text(Guid.NewGuid())),
                    ("$tenant", Text(tenant)));
            }
        }
    }

    private List<(Guid Tenant, ActivityKind Kind, long Count, long CountedAt)> ReadCounts()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT TenantId, Kind, Count, CountedAt FROM ServiceActivityCounts";
        using var reader = command.ExecuteReader();
        var counts = new List<(Guid, ActivityKind, long, long)>();
        while (reader.Read())
        {
            counts.Add((Guid.Parse(reader.GetString(0)), (ActivityKind)reader.GetInt32(1), reader.GetInt64(2), reader.GetInt64(3)));
        }

        return counts;
    }

    /// <summary>A Guid as EF Core's SQLite provider stores it.</summary>
    private static string Text(Guid id) => id.ToString().ToUpperInvariant();

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }
}
