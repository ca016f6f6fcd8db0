using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace WorkSights.Infrastructure.Persistence;

/// <summary>
/// Prepared inserts and deletes for one entity's table, with the columns, names and conversions of the EF model, for
/// read models written in bulk (tens of thousands of rows a second, where EF's change tracking manages a few thousand).
/// Only plain entities: no owned types, no generated values.
/// </summary>
internal sealed class ModelTable<T>
    where T : class
{
    private static readonly ConcurrentDictionary<IModel, ModelTable<T>> ByModel = new();

    private readonly IReadOnlyDictionary<string, Column> byProperty;

    private ModelTable(IModel model)
    {
        var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        Name = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(Name, entity.GetSchema());
        Columns = entity.GetProperties().Select(p => new Column(
            p.Name,
            p.GetColumnName(store)!,
            (RelationalTypeMapping)p.GetRelationalTypeMapping(),
            p.IsNullable,
            row => p.GetGetter().GetClrValue(row))).ToList();
        byProperty = Columns.ToDictionary(c => c.Property);
        Key = entity.FindPrimaryKey()!.Properties.Select(p => byProperty[p.Name]).ToList();
        InsertSql = $"INSERT INTO {Quote(Name)} ({string.Join(", ", Columns.Select(c => Quote(c.Name)))}) VALUES ({string.Join(", ", Columns.Select((_, i) => $"@p{i}"))})";
    }

    public string Name { get; }

    public IReadOnlyList<Column> Columns { get; }

    public IReadOnlyList<Column> Key { get; }

    public string InsertSql { get; }

    public static ModelTable<T> For(DbContext db) => ByModel.GetOrAdd(db.Model, m => new ModelTable<T>(m));

    public Column this[string property] => byProperty[property];

    /// <summary>A prepared insert of whole rows, optionally followed by an <c>ON CONFLICT</c> clause.</summary>
    public Statement Insert(DbContext db, string? conflictClause = null) =>
        Statement.Prepare(db, InsertSql + (conflictClause is null ? string.Empty : " " + conflictClause), Columns);

    /// <summary>
    /// A prepared insert of <paramref name="rows"/> whole rows at once: a day's few dozen small rows cost one execution
    /// instead of one each (most of an execution's time is spent binding and stepping, not writing).
    /// </summary>
    public Statement InsertMany(DbContext db, int rows)
    {
        var values = string.Join(", ", Enumerable.Range(0, rows).Select(r => $"({string.Join(", ", Columns.Select((_, i) => $"@p{(r * Columns.Count) + i}"))})"));
        var sql = $"INSERT INTO {Quote(Name)} ({string.Join(", ", Columns.Select(c => Quote(c.Name)))}) VALUES {values}";
        return Statement.Prepare(db, sql, [.. Enumerable.Range(0, rows).SelectMany(_ => Columns)]);
    }

    /// <summary>
    /// A prepared <c>DELETE</c> of the rows whose first properties equal the first values and whose last property lies
    /// between the last two values (inclusive).
    /// </summary>
    public Statement DeleteRange(DbContext db, string[] equal, string between)
    {
        var columns = equal.Select(p => byProperty[p]).ToList();
        var range = byProperty[between];
        var where = string.Join(" AND ", columns.Select((c, i) => $"{Quote(c.Name)} = @p{i}"));
        return Statement.Prepare(db, $"DELETE FROM {Quote(Name)} WHERE {where} AND {Quote(range.Name)} BETWEEN @p{columns.Count} AND @p{columns.Count + 1}", [.. columns, range, range]);
    }

    /// <summary>A prepared <c>DELETE</c> of the rows whose given properties equal the values passed to each execution.</summary>
    public Statement DeleteWhere(DbContext db, params string[] properties)
    {
        var columns = properties.Select(p => byProperty[p]).ToList();
        var where = string.Join(" AND ", columns.Select((c, i) => $"{Quote(c.Name)} = @p{i}"));
        return Statement.Prepare(db, $"DELETE FROM {Quote(Name)} WHERE {where}", columns);
    }

    public static string Quote(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    public sealed record Column(string Property, string Name, RelationalTypeMapping Mapping, bool IsNullable, Func<T, object?> ValueOf)
    {
        /// <summary>The value as the column stores it: through the mapping's converter, as EF would bind it.</summary>
        public object ProviderValue(object? value) => value is null ? DBNull.Value : Mapping.Converter?.ConvertToProvider(value) ?? value;
    }

    /// <summary>One prepared command on the context's connection and current transaction.</summary>
    public sealed class Statement : IAsyncDisposable
    {
        private readonly DbCommand command;
        private readonly IReadOnlyList<Column> columns;
        private readonly DbParameter[] parameters;

        private Statement(DbCommand command, IReadOnlyList<Column> columns, DbParameter[] parameters)
        {
            this.command = command;
            this.columns = columns;
            this.parameters = parameters;
        }

        public static Statement Prepare(DbContext db, string sql, IReadOnlyList<Column> columns)
        {
            var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
                ?? throw new InvalidOperationException($"{typeof(T).Name} rows are written inside a transaction.");
            var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            var parameters = new DbParameter[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i] = columns[i].Mapping.CreateParameter(command, $"@p{i}", null, columns[i].IsNullable);
                command.Parameters.Add(parameters[i]);
            }

            command.Prepare();
            return new Statement(command, columns, parameters);
        }

        /// <summary>Writes one whole row (an insert's columns are the entity's properties, in model order).</summary>
        public int Row(T row)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = columns[i].ProviderValue(columns[i].ValueOf(row));
            }

            return command.ExecuteNonQuery();
        }

        /// <summary>Writes several whole rows with one execution of an <see cref="InsertMany"/> statement for that many rows.</summary>
        public int Rows(IReadOnlyList<T> rows)
        {
            var width = columns.Count / rows.Count;
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = columns[i].ProviderValue(columns[i].ValueOf(rows[i / width]));
            }

            return command.ExecuteNonQuery();
        }

        /// <summary>Executes with the given CLR values, one per column of the statement.</summary>
        public int Values(params object?[] values)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = columns[i].ProviderValue(values[i]);
            }

            return command.ExecuteNonQuery();
        }

        public ValueTask DisposeAsync() => command.DisposeAsync();
    }
}
