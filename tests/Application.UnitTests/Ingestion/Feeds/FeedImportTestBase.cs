using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Ingestion;
using WorkSights.Application.Ingestion.Feeds;
using WorkSights.Application.Ingestion.Feeds.CallRecords;
using WorkSights.Application.Ingestion.Feeds.SignIns;
using WorkSights.Application.Ingestion.SyncFeed;
using WorkSights.Application.UnitTests.Support;
using WorkSights.Domain.Activities;
using WorkSights.Domain.Ingestion;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.UnitTests.Ingestion.Feeds;

/// <summary>A workspace with Ann, Bob (importable) and Carl (Blocked), synced through the real SyncFeed handler and a fake provider.</summary>
public abstract class FeedImportTestBase : IDisposable
{
    protected const string ExternalTenantId = "3f2b8c4e-1111-4a5b-9c6d-7e8f9a0b1c2d";

    private readonly TestDatabase database = new();

    internal FakeFeedReader Reader { get; } = new();

    internal FakeCloudNetworks CloudNetworks { get; } = new();

    protected Tenant Tenant { get; private set; } = null!;

    protected Person Ann { get; private set; } = null!;

    protected Person Bob { get; private set; } = null!;

    protected Person Carl { get; private set; } = null!;

    protected DateTimeOffset Now => database.Clock.GetUtcNow();

    public void Dispose()
    {
        database.Dispose();
        GC.SuppressFinalize(this);
    }

    protected void Advance(TimeSpan by) => database.Clock.Advance(by);

    protected async Task WorkspaceAsync()
    {
        Tenant = await database.AddTenantAsync(ExternalTenantId, "contoso.com");
        Ann = await database.AddPersonAsync(Tenant.Id, "oid-ann", "ann@contoso.com");
        Bob = await database.AddPersonAsync(Tenant.Id, "oid-bob", "bob@contoso.com");
        Carl = await database.AddPersonAsync(Tenant.Id, "oid-carl", "carl@contoso.com", ProvisioningState.Blocked);
        using var scope = database.TenantContext.BeginScope(Tenant.Id);
        await using var db = database.CreateContext();
        db.ConnectedServices.Add(ConnectedService.For(Tenant.Id, Tenant.Provider));
        await db.SaveChangesAsync();
    }

    /// <summary>Adds an identity linked into <paramref name="target"/>: a second address of the same person.</summary>
    protected async Task<Person> LinkedIdentityAsync(string externalId, string email, Person target)
    {
        var identity = await database.AddPersonAsync(Tenant.Id, externalId, email, ProvisioningState.Link);
        using var scope = database.TenantContext.BeginScope(Tenant.Id);
        await using var db = database.CreateContext();
        var stored = await db.People.SingleAsync(p => p.Id == identity.Id);
        stored.Review(ProvisioningState.Link, await db.People.SingleAsync(p => p.Id == target.Id), Now);
        await db.SaveChangesAsync();
        return stored;
    }

    protected async Task<SyncResult> SyncAsync(TenantFeed feed)
    {
        await using var db = database.CreateContext();
        IFeedImport[] imports = [new CallRecordsImport(Reader), new SignInsImport(Reader, CloudNetworks)];
        return await new SyncFeedCommandHandler(db, database.TenantContext, imports, database.Clock)
            .Handle(new SyncFeedCommand(Tenant.Id, feed), CancellationToken.None);
    }

    protected async Task<SyncResult> SyncCompletedAsync(TenantFeed feed)
    {
        var result = await SyncAsync(feed);
        Assert.True(result.Outcome == SyncOutcome.Completed, result.ToString());
        return result;
    }

    protected async Task<List<Activity>> ActivitiesAsync()
    {
        using var scope = database.TenantContext.BeginScope(Tenant.Id);
        await using var db = database.CreateContext();
        return await db.Activities.AsNoTracking().OrderBy(a => a.ExternalId).ThenBy(a => a.OccurredAt).ToListAsync();
    }

    protected async Task<FeedCheckpoint> CheckpointAsync(TenantFeed feed)
    {
        using var scope = database.TenantContext.BeginScope(Tenant.Id);
        await using var db = database.CreateContext();
        return await db.FeedCheckpoints.AsNoTracking().SingleAsync(c => c.Feed == feed);
    }

    protected Task<Tenant> StoredTenantAsync() => database.TenantAsync(Tenant.Id);
}
