using Microsoft.EntityFrameworkCore;
using WorkSights.Domain.Activities;
using WorkSights.Domain.ApiKeys;
using WorkSights.Domain.Audit;
using WorkSights.Domain.Directory;
using WorkSights.Domain.Ingestion;
using WorkSights.Domain.Notifications;
using WorkSights.Domain.Observers;
using WorkSights.Domain.Onboarding;
using WorkSights.Domain.People;
using WorkSights.Domain.Privacy;
using WorkSights.Domain.Schedules;
using WorkSights.Domain.Scores;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Common.Interfaces;

/// <summary>The write model. Tenant-owned sets only ever show the current workspace's rows.</summary>
public interface IApplicationDbContext
{
    DbSet<Tenant> Tenants { get; }

    DbSet<Person> People { get; }

    DbSet<PendingSignUp> PendingSignUps { get; }

    DbSet<ConsentRequest> ConsentRequests { get; }

    DbSet<DirectorySyncState> DirectorySyncStates { get; }

    DbSet<Activity> Activities { get; }

    DbSet<PersonDay> PersonDays { get; }


    DbSet<PersonDayLocation> PersonDayLocations { get; }

    DbSet<GroupDay> GroupDays { get; }

    DbSet<DirtyPersonDay> DirtyPersonDays { get; }

    DbSet<ActivityCorrection> ActivityCorrections { get; }

    DbSet<ObserverSettings> ObserverSettings { get; }

    DbSet<PersonMailboxSettings> PersonMailboxSettings { get; }

    DbSet<WorkspaceCrediting> WorkspaceCrediting { get; }

    DbSet<ConnectedService> ConnectedServices { get; }

    DbSet<SyncCheckpoint> SyncCheckpoints { get; }

    DbSet<FeedCheckpoint> FeedCheckpoints { get; }

    DbSet<ServiceActivityCount> ServiceActivityCounts { get; }

    DbSet<NamedSchedule> NamedSchedules { get; }

    DbSet<CustomSchedule> CustomSchedules { get; }

    DbSet<PersonScheduleSettings> PersonScheduleSettings { get; }

    DbSet<HolidayObservance> HolidayObservances { get; }

    /// <summary>Erased people's directory ids, kept so that a directory sync does not import them again.</summary>
    DbSet<ErasedIdentity> ErasedIdentities { get; }

    DbSet<NotImportedIdentity> NotImportedIdentities { get; }

    DbSet<ErasureRequest> ErasureRequests { get; }

    /// <summary>Append-only: adding is the only change a save accepts.</summary>
    DbSet<AuditEntry> AuditEntries { get; }

    /// <summary>The groups privacy mode has shown, against which a new group's difference is judged.</summary>
    DbSet<ShownGroup> ShownGroups { get; }

    /// <summary>The workspace's integration clients; only a hash of each secret is kept.</summary>
    DbSet<ApiKey> ApiKeys { get; }

    DbSet<NotificationPreferences> NotificationPreferences { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction: set-based changes (<c>ExecuteUpdateAsync</c>) together with a
    /// save of the audit rows that record them. The save inside must not mark days dirty; mark them after.
    /// </summary>
    Task InTransactionAsync(Func<Task> work, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts or updates <paramref name="upserts"/> by their natural key (workspace, source, external id, person) and
    /// saves the other pending changes, all in one transaction. A corrected estimate survives the update. The activities
    /// are not tracked afterwards.
    /// </summary>
    Task<int> SaveChangesWithAsync(IReadOnlyCollection<Activity> upserts, CancellationToken cancellationToken);

    /// <summary>
    /// Marks a person's local days from <paramref name="from"/> to <paramref name="to"/> (inclusive) out of date, with the
    /// next save and in its transaction: call it with a change the scores depend on that is not an activity (a schedule,
    /// target, holiday or time-zone change). Changes of activities mark their days themselves.
    /// </summary>
    void MarkDaysDirty(Guid personId, DateOnly from, DateOnly to);
}
