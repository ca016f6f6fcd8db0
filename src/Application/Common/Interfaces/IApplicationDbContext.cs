using Microsoft.EntityFrameworkCore;
using WorkSights.Domain.Activities;
using WorkSights.Domain.Directory;
using WorkSights.Domain.Ingestion;
using WorkSights.Domain.Onboarding;
using WorkSights.Domain.People;
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

    DbSet<Score> Scores { get; }

    DbSet<ConnectedService> ConnectedServices { get; }

    DbSet<SyncCheckpoint> SyncCheckpoints { get; }

    DbSet<FeedCheckpoint> FeedCheckpoints { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken);
}
