using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Common;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;

namespace WorkSights.Infrastructure.Persistence;

/// <summary>
/// Finds a workspace's or a person's rows through the EF model, so that a new table is covered by what its columns
/// say: a tenant-owned entity by its <c>TenantId</c>, a session by its <c>WorkspaceId</c>, a sign-up or consent record
/// by the organisation's <c>ExternalTenantId</c>, a person's rows by their <c>PersonId</c> (and, for an identity linked
/// into someone, the rows it brought there by their <c>SourcePersonId</c>). Tables are emptied
/// dependents first, so each count is what that table itself lost rather than what a cascade took with it.
/// </summary>
public sealed class ModelOwnedRows(ApplicationDbContext db) : IOwnedRows
{
    private static readonly MethodInfo DeleteMethod = typeof(ModelOwnedRows).GetMethod(nameof(DeleteAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly MethodInfo CountMethod = typeof(ModelOwnedRows).GetMethod(nameof(CountAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo DeleteReferencingMethod = typeof(ModelOwnedRows).GetMethod(nameof(DeleteReferencingAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo DeleteBatchMethod = typeof(ModelOwnedRows).GetMethod(nameof(DeleteBatchAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    public async Task<IReadOnlyList<RemovedRows>> CountWorkspaceAsync(Guid tenantId, string externalTenantId, CancellationToken cancellationToken)
    {
        var counts = new List<RemovedRows>();
        foreach (var entity in DependentsFirst(db.Model))
        {
            var rows = WorkspaceRows(entity, tenantId, externalTenantId)
                ?? throw new InvalidOperationException($"{entity.ClrType.Name} has no column that ties it to a workspace.");
            counts.Add(new RemovedRows(entity.GetTableName()!, await (Task<int>)CountMethod.MakeGenericMethod(entity.ClrType).Invoke(null, [db, rows, cancellationToken])!));
        }

        return counts;
    }

    public async Task<int> RemoveWorkspaceAccessAsync(Guid tenantId, string externalTenantId, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var entity in DependentsFirst(db.Model).Where(e => !IsWorkspaceData(e)))
        {
            removed += await DeleteWhereAsync(entity, WorkspaceRows(entity, tenantId, externalTenantId)!, cancellationToken);
        }

        return removed;
    }

    public async Task<int> EraseDeletedWorkspaceBatchAsync(Guid tenantId, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        // From the first table again each time: a sync that was still writing when the workspace was deleted may have
        // added rows to a table already emptied, and the workspace's own row cannot go before every row that names it.
        foreach (var entity in DependentsFirst(db.Model).Where(IsWorkspaceData))
        {
            var deleted = db.Database.IsSqlite()
                ? await DeleteBatchByRowIdAsync(entity, tenantId, batchSize, cancellationToken)
                : await (Task<int>)DeleteBatchMethod.MakeGenericMethod(entity.ClrType).Invoke(null, [db, WorkspaceRows(entity, tenantId, string.Empty)!, batchSize, cancellationToken])!;
            if (deleted > 0)
            {
                return deleted;
            }
        }

        return 0;
    }

    public async Task<IReadOnlyList<RemovedRows>> RemovePersonAsync(
        Guid tenantId, string externalTenantId, Guid personId, string personExternalId, CancellationToken cancellationToken)
    {
        var removed = new List<RemovedRows>();
        var linkedInto = await db.People.Where(p => p.TenantId == tenantId && p.Id == personId).Select(p => p.LinkedPersonId).SingleOrDefaultAsync(cancellationToken);
        if (linkedInto is { } target)
        {
            removed.AddRange(await RemoveBroughtAsync(tenantId, personId, target, cancellationToken));
        }

        foreach (var entity in DependentsFirst(db.Model))
        {
            if (PersonRows(entity, tenantId, externalTenantId, personId, personExternalId) is { } rows)
            {
                removed.Add(new RemovedRows(entity.GetTableName()!, await DeleteWhereAsync(entity, rows, cancellationToken)));
            }
        }

        return removed;
    }

    /// <summary>
    /// What an identity linked into <paramref name="target"/> brought there: the rows of each table with a
    /// <c>SourcePersonId</c> column that sit on the target but came from the identity (read for it, or moved with it
    /// when it was linked), and before them the rows of any table that names one of those rows by an
    /// <c>&lt;Entity&gt;Id</c> column (an activity's corrections). The target's own rows stay.
    /// </summary>
    private async Task<IReadOnlyList<RemovedRows>> RemoveBroughtAsync(Guid tenantId, Guid personId, Guid target, CancellationToken cancellationToken)
    {
        var removed = new List<RemovedRows>();
        var tables = DependentsFirst(db.Model);
        foreach (var brought in tables.Where(BroughtByLinkedIdentities))
        {
            var referenceColumn = brought.ClrType.Name + "Id";
            var referencing = tables.Where(e => e != brought && e.FindProperty(referenceColumn) is { } column && column.ClrType == typeof(Guid)
                && (typeof(ITenantOwned).IsAssignableFrom(e.ClrType) || e.FindProperty("WorkspaceId") is not null));
            foreach (var entity in referencing)
            {
                var count = await (Task<int>)DeleteReferencingMethod.MakeGenericMethod(entity.ClrType, brought.ClrType)
                    .Invoke(null, [db, WorkspaceColumn(entity), referenceColumn, tenantId, personId, target, cancellationToken])!;
                removed.Add(new RemovedRows(entity.GetTableName()!, count));
            }

            var rows = Where(brought.ClrType, (nameof(ITenantOwned.TenantId), tenantId), ("PersonId", target), ("SourcePersonId", personId));
            removed.Add(new RemovedRows(brought.GetTableName()!, await DeleteWhereAsync(brought, rows, cancellationToken)));
        }

        return removed;
    }

    /// <summary>A workspace's table whose rows sit on one person but may have come from an identity linked into them.</summary>
    private static bool BroughtByLinkedIdentities(IEntityType entity) =>
        typeof(ITenantOwned).IsAssignableFrom(entity.ClrType)
        && entity.FindProperty("PersonId")?.ClrType == typeof(Guid)
        && entity.FindProperty("SourcePersonId")?.ClrType == typeof(Guid?);

    private static string WorkspaceColumn(IEntityType entity) =>
        typeof(ITenantOwned).IsAssignableFrom(entity.ClrType) ? nameof(ITenantOwned.TenantId) : "WorkspaceId";

    /// <summary>The tables of the model, each entity once (owned types live in their owner's table).</summary>
    public static IReadOnlyList<IEntityType> Tables(IModel model) =>
        model.GetEntityTypes().Where(e => !e.IsOwned() && e.GetTableName() is not null).ToList();

    /// <summary>Which rows of <paramref name="entity"/> belong to the workspace; null when its columns do not say.</summary>
    public static LambdaExpression? WorkspaceRows(IEntityType entity, Guid tenantId, string externalTenantId)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var type = entity.ClrType;
        if (IsWorkspaceData(entity))
        {
            return Where(type, (WorkspaceDataColumn(entity), tenantId));
        }

        if (entity.FindProperty("WorkspaceId") is not null)
        {
            return Where(type, ("WorkspaceId", tenantId));
        }

        return entity.FindProperty("ExternalTenantId") is not null ? Where(type, ("ExternalTenantId", externalTenantId)) : null;
    }

    /// <summary>Which rows of <paramref name="entity"/> are about the person; null when it holds nothing of one person.</summary>
    public static LambdaExpression? PersonRows(IEntityType entity, Guid tenantId, string externalTenantId, Guid personId, string personExternalId)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var type = entity.ClrType;
        if (type == typeof(Person))
        {
            return Where(type, (nameof(Person.TenantId), tenantId), (nameof(Person.Id), personId));
        }

        if (entity.FindProperty("PersonId") is not null)
        {
            var workspaceColumn = typeof(ITenantOwned).IsAssignableFrom(type) ? nameof(ITenantOwned.TenantId) : "WorkspaceId";
            return entity.FindProperty(workspaceColumn) is null ? null : Where(type, (workspaceColumn, tenantId), ("PersonId", personId));
        }

        return entity.FindProperty("ExternalTenantId") is not null && entity.FindProperty("ObjectId") is not null
            ? Where(type, ("ExternalTenantId", externalTenantId), ("ObjectId", personExternalId))
            : null;
    }

    /// <summary>
    /// The workspace's own data, tied to it by its id: what the background erasure removes. The rest — sessions, sign-up
    /// and consent records — is how anyone reaches the workspace, and goes the moment it is deleted; records tied to the
    /// organisation's id could by then belong to a new sign-up of the same organisation.
    /// </summary>
    private static bool IsWorkspaceData(IEntityType entity) =>
        entity.ClrType == typeof(Tenant) || typeof(ITenantOwned).IsAssignableFrom(entity.ClrType);

    /// <summary>The column that names the workspace in a table of its own data: the workspace's id, or each row's TenantId.</summary>
    private static string WorkspaceDataColumn(IEntityType entity) =>
        entity.ClrType == typeof(Tenant) ? nameof(Tenant.Id) : nameof(ITenantOwned.TenantId);

    /// <summary>The entity types ordered so that every table comes before the tables its foreign keys point at.</summary>
    public static IReadOnlyList<IEntityType> DependentsFirst(IModel model)
    {
        var tables = Tables(model);
        var ordered = new List<IEntityType>();
        var pending = tables.ToHashSet();
        while (pending.Count > 0)
        {
            var next = pending.Where(principal => !pending.Any(other => other != principal && PointsAt(other, principal))).ToList();
            if (next.Count == 0)
            {
                throw new InvalidOperationException("The model's foreign keys form a cycle.");
            }

            ordered.AddRange(next.OrderBy(e => e.GetTableName(), StringComparer.Ordinal));
            pending.ExceptWith(next);
        }

        return ordered;
    }

    private static bool PointsAt(IEntityType dependent, IEntityType principal) =>
        dependent.GetForeignKeys().Any(k => k.PrincipalEntityType == principal || (k.PrincipalEntityType.IsOwned() && k.PrincipalEntityType.FindOwnership()?.PrincipalEntityType == principal));

    private Task<int> DeleteWhereAsync(IEntityType entity, LambdaExpression rows, CancellationToken cancellationToken) =>
        (Task<int>)DeleteMethod.MakeGenericMethod(entity.ClrType).Invoke(null, [db, rows, cancellationToken])!;

    private static Task<int> DeleteAsync<T>(ApplicationDbContext db, Expression<Func<T, bool>> rows, CancellationToken cancellationToken)
        where T : class =>
        db.Set<T>().Where(rows).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Up to <paramref name="batchSize"/> rows; the deleted workspace's own row is found past its filter.</summary>
    private static Task<int> DeleteBatchAsync<T>(ApplicationDbContext db, Expression<Func<T, bool>> rows, int batchSize, CancellationToken cancellationToken)
        where T : class =>
        db.Set<T>().IgnoreQueryFilters([ApplicationDbContext.OpenWorkspaceFilter]).Where(rows).Take(batchSize).ExecuteDeleteAsync(cancellationToken);

    /// <summary>
    /// SQLite: a batch chosen by row id deletes each row where it lies; chosen by the key, every row is first sought
    /// again through the key's index (twice the time at 4 million activities). Table and column come from the model.
    /// </summary>
    private Task<int> DeleteBatchByRowIdAsync(IEntityType entity, Guid tenantId, int batchSize, CancellationToken cancellationToken)
    {
        var table = entity.GetTableName()!;
        var column = entity.FindProperty(WorkspaceDataColumn(entity))!.GetColumnName(StoreObjectIdentifier.Table(table, entity.GetSchema()))!;
        var sql = $"DELETE FROM \"{table}\" WHERE rowid IN (SELECT rowid FROM \"{table}\" WHERE \"{column}\" = {{0}} LIMIT {{1}})";
        return db.Database.ExecuteSqlRawAsync(sql, [tenantId, batchSize], cancellationToken);
    }

    /// <summary>Rows of <typeparamref name="T"/> whose <paramref name="referenceColumn"/> names a row the identity brought to the target.</summary>
    private static Task<int> DeleteReferencingAsync<T, TBrought>(
        ApplicationDbContext db, string workspaceColumn, string referenceColumn, Guid tenantId, Guid personId, Guid target, CancellationToken cancellationToken)
        where T : class
        where TBrought : class
    {
        var brought = db.Set<TBrought>()
            .Where(row => EF.Property<Guid>(row, nameof(ITenantOwned.TenantId)) == tenantId
                && EF.Property<Guid>(row, "PersonId") == target
                && EF.Property<Guid?>(row, "SourcePersonId") == personId)
            .Select(row => EF.Property<Guid>(row, "Id"));
        return db.Set<T>()
            .Where(row => EF.Property<Guid>(row, workspaceColumn) == tenantId && brought.Contains(EF.Property<Guid>(row, referenceColumn)))
            .ExecuteDeleteAsync(cancellationToken);
    }

    private static Task<int> CountAsync<T>(ApplicationDbContext db, Expression<Func<T, bool>> rows, CancellationToken cancellationToken)
        where T : class =>
        db.Set<T>().Where(rows).CountAsync(cancellationToken);

    /// <summary>row => row.A == a &amp;&amp; row.B == b, each value a parameter of the query.</summary>
    private static LambdaExpression Where(Type type, params (string Property, object Value)[] equalities)
    {
        var row = Expression.Parameter(type, "row");
        Expression? body = null;
        foreach (var (property, value) in equalities)
        {
            var column = Expression.Property(row, property);
            var equal = Expression.Equal(column, Expression.Convert(Parameter(value), column.Type));
            body = body is null ? equal : Expression.AndAlso(body, equal);
        }

        return Expression.Lambda(typeof(Func<,>).MakeGenericType(type, typeof(bool)), body!, row);
    }

    /// <summary>A captured value, which EF sends as a query parameter rather than writing it into the SQL.</summary>
    private static MemberExpression Parameter(object value)
    {
        var holder = Activator.CreateInstance(typeof(Holder<>).MakeGenericType(value.GetType()), value)!;
        return Expression.Property(Expression.Constant(holder), "Value");
    }

    private sealed class Holder<T>(T value)
    {
        public T Value { get; } = value;
    }
}
