using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using WorkSights.Domain.Activities;

namespace WorkSights.Infrastructure.Persistence;

/// <summary>
/// Inserts or updates many activities in one statement (<c>INSERT … ON CONFLICT DO UPDATE</c> on the activity's natural
/// key), instead of EF's one prepared statement per row. Columns, conversions and the key come from the EF model, so
/// the statement follows the mapping; a corrected estimate survives the update, as <see cref="Activity.Refresh"/> says.
/// </summary>
internal sealed class ActivityUpsert
{
    /// <summary>Rows per statement: 21 columns each stays far below SQLite's limit of 32,766 parameters.</summary>
    public const int RowsPerStatement = 400;

    private static readonly ConcurrentDictionary<IModel, ActivityUpsert> ByModel = new();

    private readonly IReadOnlyList<Column> columns;
    private readonly string table;
    private readonly string conflictClause;
    private readonly ConcurrentDictionary<int, string> statements = new();

    private ActivityUpsert(IModel model)
    {
        var entity = model.FindEntityType(typeof(Activity)) ?? throw new InvalidOperationException("Activity is not mapped.");
        table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var owned = entity.GetNavigations().Where(n => n.TargetEntityType.IsOwned()).ToList();
        columns =
        [
            .. entity.GetProperties().Select(p => Column.Of(p, store, activity => p.GetGetter().GetClrValue(activity))),
            .. owned.SelectMany(n => n.TargetEntityType.GetProperties().Where(p => !p.IsPrimaryKey()).Select(p => Column.Of(
                p,
                store,
                activity => n.GetGetter().GetClrValue(activity) is { } value ? p.GetGetter().GetClrValue(value) : null))),
        ];

        var key = entity.GetIndexes().Single(i => i.IsUnique).Properties.Select(p => p.GetColumnName(store)!).ToHashSet();
        var kept = key.Append(entity.FindPrimaryKey()!.Properties.Single().GetColumnName(store)!)
            .Append(entity.FindProperty(nameof(Activity.IsCorrected))!.GetColumnName(store)!)
            .ToHashSet();
        var credited = entity.FindProperty(nameof(Activity.CreditedDuration))!.GetColumnName(store)!;
        var corrected = entity.FindProperty(nameof(Activity.IsCorrected))!.GetColumnName(store)!;
        var updates = columns.Where(c => !kept.Contains(c.Name)).Select(c => c.Name == credited
            ? $"{Quote(credited)} = CASE WHEN {Quote(table)}.{Quote(corrected)} THEN {Quote(table)}.{Quote(credited)} ELSE excluded.{Quote(credited)} END"
            : $"{Quote(c.Name)} = excluded.{Quote(c.Name)}");
        conflictClause = $" ON CONFLICT ({string.Join(", ", key.Select(Quote))}) DO UPDATE SET {string.Join(", ", updates)}";
    }

    public static ActivityUpsert For(IModel model) => ByModel.GetOrAdd(model, m => new ActivityUpsert(m));

    /// <summary>Runs through EF (interceptors, logging and the current transaction apply), one statement per chunk.</summary>
    public async Task ExecuteAsync(DbContext db, IReadOnlyCollection<Activity> activities, CancellationToken cancellationToken)
    {
        await using var factory = db.Database.GetDbConnection().CreateCommand();
        foreach (var chunk in activities.Chunk(RowsPerStatement))
        {
            var parameters = new List<DbParameter>(chunk.Length * columns.Count);
            for (var row = 0; row < chunk.Length; row++)
            {
                for (var column = 0; column < columns.Count; column++)
                {
                    var definition = columns[column];
                    parameters.Add(definition.Mapping.CreateParameter(factory, $"@p{row}_{column}", definition.ValueOf(chunk[row]), definition.IsNullable));
                }
            }

            await db.Database.ExecuteSqlRawAsync(StatementFor(chunk.Length), parameters, cancellationToken);
        }
    }

    private string StatementFor(int rows) => statements.GetOrAdd(rows, count =>
    {
        var sql = new StringBuilder($"INSERT INTO {Quote(table)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) VALUES ");
        for (var row = 0; row < count; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            sql.AppendJoin(", ", Enumerable.Range(0, columns.Count).Select(column => $"@p{row}_{column}"));
            sql.Append(')');
        }

        return sql.Append(conflictClause).ToString();
    });

    private static string Quote(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private sealed record Column(string Name, RelationalTypeMapping Mapping, bool IsNullable, Func<Activity, object?> ValueOf)
    {
        public static Column Of(IProperty property, StoreObjectIdentifier store, Func<Activity, object?> valueOf) =>
            new(property.GetColumnName(store)!, (RelationalTypeMapping)property.GetRelationalTypeMapping(), property.IsNullable, valueOf);
    }
}
