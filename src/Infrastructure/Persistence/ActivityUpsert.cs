using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using WorkSights.Domain.Activities;

namespace WorkSights.Infrastructure.Persistence;

/// <summary>
/// Inserts or updates activities with one prepared <c>INSERT … ON CONFLICT DO UPDATE</c> on the activity's natural key,
/// executed once per row inside the caller's transaction, instead of EF preparing a new statement for every row.
/// Columns, conversions and the key come from the EF model, so the statement follows the mapping; a corrected estimate
/// survives the update, as <see cref="Activity.Refresh"/> says.
/// </summary>
/// <remarks>
/// One row per execution on purpose: SQLite finds a named parameter by scanning all of a statement's parameters, so a
/// many-row statement costs time quadratic in its size.
/// </remarks>
internal sealed class ActivityUpsert
{
    private static readonly ConcurrentDictionary<IModel, ActivityUpsert> ByModel = new();

    private readonly IReadOnlyList<Column> columns;
    private readonly string statement;

    private ActivityUpsert(IModel model)
    {
        var entity = model.FindEntityType(typeof(Activity)) ?? throw new InvalidOperationException("Activity is not mapped.");
        var table = entity.GetTableName()!;
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
        var conflictClause = $" ON CONFLICT ({string.Join(", ", key.Select(Quote))}) DO UPDATE SET {string.Join(", ", updates)}";
        statement = $"INSERT INTO {Quote(table)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) "
            + $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))}){conflictClause}";
    }

    public static ActivityUpsert For(IModel model) => ByModel.GetOrAdd(model, m => new ActivityUpsert(m));

    /// <summary>Runs on the context's connection and current transaction, which the caller has begun.</summary>
    /// <remarks>SQLite does its work on the calling thread whatever the API, so rows are executed synchronously: the async
    /// overloads would only add a task per row.</remarks>
    public async Task ExecuteAsync(DbContext db, IReadOnlyCollection<Activity> activities, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Activities are upserted inside a transaction.");
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
        command.CommandText = statement;
        var parameters = new DbParameter[columns.Count];
        for (var column = 0; column < columns.Count; column++)
        {
            parameters[column] = columns[column].Mapping.CreateParameter(command, $"@p{column}", null, columns[column].IsNullable);
            command.Parameters.Add(parameters[column]);
        }

        command.Prepare();
        foreach (var activity in activities)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var column = 0; column < columns.Count; column++)
            {
                parameters[column].Value = columns[column].ProviderValueOf(activity);
            }

            command.ExecuteNonQuery();
        }
    }

    private static string Quote(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private sealed record Column(string Name, RelationalTypeMapping Mapping, bool IsNullable, Func<Activity, object?> ValueOf)
    {
        public static Column Of(IProperty property, StoreObjectIdentifier store, Func<Activity, object?> valueOf) =>
            new(property.GetColumnName(store)!, (RelationalTypeMapping)property.GetRelationalTypeMapping(), property.IsNullable, valueOf);

        /// <summary>The value as the column stores it: through the mapping's converter, as EF would bind it.</summary>
        public object ProviderValueOf(Activity activity) => ValueOf(activity) is { } value
            ? Mapping.Converter?.ConvertToProvider(value) ?? value
            : DBNull.Value;
    }
}
