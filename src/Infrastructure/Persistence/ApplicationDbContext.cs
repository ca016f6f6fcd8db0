using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Activities;
using WorkSights.Domain.ApiKeys;
using WorkSights.Domain.Audit;
using WorkSights.Domain.Common;
using WorkSights.Domain.Directory;
using WorkSights.Domain.Ingestion;
using WorkSights.Domain.Notifications;
using WorkSights.Domain.Observers;
using WorkSights.Domain.Onboarding;
using WorkSights.Domain.People;
using WorkSights.Domain.Privacy;
using WorkSights.Domain.Schedules;
using WorkSights.Domain.Scores;
using WorkSights.Domain.Sessions;
using WorkSights.Domain.Tenants;

namespace WorkSights.Infrastructure.Persistence;

public sealed class ApplicationDbContext(
    DbContextOptions<ApplicationDbContext> options, ITenantContext tenantContext, TimeProvider? clock = null, ReportedDataVersions? versions = null)
    : DbContext(options), IApplicationDbContext
{
    /// <summary>Days asked to be marked with the next save, besides those its activity changes mark.</summary>
    private readonly List<(Guid PersonId, DateOnly From, DateOnly To)> requestedMarks = [];

    public const string TenantFilter = "Tenant";

    /// <summary>A deleted workspace is found by nothing but the job that erases its rows.</summary>
    public const string OpenWorkspaceFilter = "OpenWorkspace";

    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<PendingSignUp> PendingSignUps => Set<PendingSignUp>();

    public DbSet<ConsentRequest> ConsentRequests => Set<ConsentRequest>();

    public DbSet<DirectorySyncState> DirectorySyncStates => Set<DirectorySyncState>();

    public DbSet<Activity> Activities => Set<Activity>();

    public DbSet<PersonDay> PersonDays => Set<PersonDay>();


    public DbSet<PersonDayLocation> PersonDayLocations => Set<PersonDayLocation>();

    public DbSet<GroupDay> GroupDays => Set<GroupDay>();

    public DbSet<DirtyPersonDay> DirtyPersonDays => Set<DirtyPersonDay>();

    public DbSet<ActivityCorrection> ActivityCorrections => Set<ActivityCorrection>();

    public DbSet<ObserverSettings> ObserverSettings => Set<ObserverSettings>();

    public DbSet<PersonMailboxSettings> PersonMailboxSettings => Set<PersonMailboxSettings>();

    public DbSet<WorkspaceCrediting> WorkspaceCrediting => Set<WorkspaceCrediting>();

    public DbSet<ConnectedService> ConnectedServices => Set<ConnectedService>();

    public DbSet<SyncCheckpoint> SyncCheckpoints => Set<SyncCheckpoint>();

    public DbSet<FeedCheckpoint> FeedCheckpoints => Set<FeedCheckpoint>();

    public DbSet<ServiceActivityCount> ServiceActivityCounts => Set<ServiceActivityCount>();

    public DbSet<NamedSchedule> NamedSchedules => Set<NamedSchedule>();

    public DbSet<CustomSchedule> CustomSchedules => Set<CustomSchedule>();

    public DbSet<PersonScheduleSettings> PersonScheduleSettings => Set<PersonScheduleSettings>();

    public DbSet<HolidayObservance> HolidayObservances => Set<HolidayObservance>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<UserSession> Sessions => Set<UserSession>();

    public DbSet<ErasedIdentity> ErasedIdentities => Set<ErasedIdentity>();

    public DbSet<NotImportedIdentity> NotImportedIdentities => Set<NotImportedIdentity>();

    public DbSet<ErasureRequest> ErasureRequests => Set<ErasureRequest>();

    public DbSet<ShownGroup> ShownGroups => Set<ShownGroup>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<NotificationPreferences> NotificationPreferences => Set<NotificationPreferences>();

    /// <summary>Read by the tenant filter at query time; no workspace means <see cref="Guid.Empty"/>, which matches nothing.</summary>
    private Guid CurrentTenantId => tenantContext.TenantId ?? Guid.Empty;

    /// <summary>Saves the pending changes; any change of an activity marks the days it touches dirty in the same transaction.</summary>
    public override Task<int> SaveChangesAsync(CancellationToken cancellationToken = default) => SaveChangesWithAsync([], cancellationToken);

    public void MarkDaysDirty(Guid personId, DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new ArgumentException("A range of days ends on or after its first day.", nameof(to));
        }

        requestedMarks.Add((personId, from, to));
    }

    public async Task<int> SaveChangesWithAsync(IReadOnlyCollection<Activity> upserts, CancellationToken cancellationToken)
    {
        if (upserts.Any(a => a.TenantId != CurrentTenantId))
        {
            throw new InvalidOperationException("An Activity of another workspace cannot be written here.");
        }

        var stored = await DirtyDayMarks.StoredVersionsAsync(this, upserts, cancellationToken);
        var marks = DirtyDayMarks.Of(upserts, stored, ChangeTracker, requestedMarks);
        if (upserts.Count == 0 && marks.Count == 0)
        {
            var reported = HasReportedChanges();
            var ownSaved = await SaveOwnChangesAsync(cancellationToken);
            AdvanceVersionIf(reported);
            return ownSaved;
        }

        var markedAt = upserts.Count > 0 ? upserts.Max(a => a.SyncedAt) : (clock ?? TimeProvider.System).GetUtcNow();
        var writes = this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<SerializedWrites>().FirstOrDefault();
        if (writes is not null && CanLendItsConnection())
        {
            var written = await writes.WritePageAsync(this, (transaction, ct) => WriteOnAsync(transaction, upserts, marks, markedAt, ct), cancellationToken);
            ChangeTracker.AcceptAllChanges();
            requestedMarks.Clear();
            AdvanceVersionIf(true);
            return written + upserts.Count;
        }

        // Inside the caller's own transaction or connection, or without the write gate: on this context's connection.
        await using var holding = writes is null ? null : await writes.HoldAsync(this, cancellationToken);
        await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        await ActivityUpsert.For(Model).ExecuteAsync(this, upserts, cancellationToken);
        await DirtyDayMarks.WriteAsync(this, CurrentTenantId, marks, markedAt);
        var saved = await SaveOwnChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        requestedMarks.Clear();
        AdvanceVersionIf(true);
        return saved + upserts.Count;
    }

    /// <summary>
    /// Runs raw writes in one transaction on this context's connection, holding the write gate (when there is one) for
    /// the whole of it, so that bulk writers of read models queue with the sync's pages instead of meeting SQLite's lock.
    /// </summary>
    public async Task InTransactionAsync(Func<Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var writes = this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<SerializedWrites>().FirstOrDefault();
        await using var holding = writes is null ? null : await writes.HoldAsync(this, cancellationToken);
        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        await work();
        await transaction.CommitAsync(cancellationToken);
        AdvanceVersionIf(true);
    }

    private Task<int> SaveOwnChangesAsync(CancellationToken cancellationToken)
    {
        EnsureTenantOwnership();
        return base.SaveChangesAsync(true, cancellationToken);
    }

    /// <summary>The context can be pointed at another connection for a page only when its own is not in use.</summary>
    private bool CanLendItsConnection() =>
        Database.CurrentTransaction is null
        && Database.GetConnectionString() is not null
        && Database.GetDbConnection().State == System.Data.ConnectionState.Closed;

    /// <summary>
    /// Writes a page on the write gate's connection, inside <paramref name="transaction"/>: this context is pointed at that
    /// connection for the page and back at its own afterwards. Its changes are accepted only once the group has committed.
    /// </summary>
    private async Task<int> WriteOnAsync(
        DbTransaction transaction, IReadOnlyCollection<Activity> upserts, IReadOnlyCollection<DirtyDayMarks.Day> marks, DateTimeOffset markedAt, CancellationToken cancellationToken)
    {
        var ownConnection = Database.GetConnectionString();
        Database.SetDbConnection(transaction.Connection, contextOwnsConnection: false);
        try
        {
            await Database.UseTransactionAsync(transaction, cancellationToken);
            var step = System.Diagnostics.Stopwatch.GetTimestamp();
            await ActivityUpsert.For(Model).ExecuteAsync(this, upserts, cancellationToken);
            step = ActivityWriteMetrics.Step("upsert", step);
            await DirtyDayMarks.WriteAsync(this, CurrentTenantId, marks, markedAt);
            step = ActivityWriteMetrics.Step("dirty days", step);
            EnsureTenantOwnership();
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
            ActivityWriteMetrics.Step("other changes", step);
            return saved;
        }
        finally
        {
            await Database.UseTransactionAsync(null, CancellationToken.None);
            Database.SetDbConnection(null, contextOwnsConnection: true);
            Database.SetConnectionString(ownConnection);
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        EnsureTenantOwnership();
        var reported = HasReportedChanges();
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        AdvanceVersionIf(reported);
        return saved;
    }

    /// <summary>Anything but a session's own bookkeeping (its last-seen time, its end) may change what a report shows.</summary>
    private bool HasReportedChanges() =>
        ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not UserSession);

    /// <summary>
    /// Inside a transaction nothing is visible yet: <see cref="InTransactionAsync"/> moves the version on once it commits,
    /// so that no page is built at the new version from the old rows.
    /// </summary>
    private void AdvanceVersionIf(bool changed)
    {
        if (changed && Database.CurrentTransaction is null)
        {
            versions?.Advance(CurrentTenantId);
        }
    }

    /// <summary>An activity's location with every column empty is no location, as intended: EF need not warn about it.</summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.ConfigureWarnings(w => w.Ignore(RelationalEventId.OptionalDependentWithoutIdentifyingPropertyWarning));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ApplicationDbContext).Assembly);
        ApplyTenantFilters(modelBuilder);
        modelBuilder.Entity<Tenant>().HasQueryFilter(OpenWorkspaceFilter, t => t.Status != TenantStatus.Deleted);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<TimeSpan>().HaveConversion<long>();
    }

    /// <summary>Every tenant-owned entity gets the tenant filter; a new entity cannot forget it.</summary>
    private void ApplyTenantFilters(ModelBuilder modelBuilder)
    {
        var apply = typeof(ApplicationDbContext).GetMethod(nameof(ApplyTenantFilter), BindingFlags.NonPublic | BindingFlags.Instance)!;
        foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType)).ToList())
        {
            apply.MakeGenericMethod(entityType.ClrType).Invoke(this, [modelBuilder]);
        }
    }

    private void ApplyTenantFilter<TEntity>(ModelBuilder modelBuilder)
        where TEntity : class, ITenantOwned =>
        modelBuilder.Entity<TEntity>().HasQueryFilter(TenantFilter, e => e.TenantId == CurrentTenantId);

    /// <summary>No row may be written for another workspace than the one the request or job acts for; the audit log is only ever added to.</summary>
    private void EnsureTenantOwnership()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit log cannot be changed or pruned.");
        }

        foreach (var entry in ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && entry.Entity.TenantId != CurrentTenantId)
            {
                throw new InvalidOperationException($"A {entry.Entity.GetType().Name} of another workspace cannot be written here.");
            }
        }
    }
}
