using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Ingestion;
using WorkSights.Application.Ingestion.Feeds;
using WorkSights.Application.Ingestion.SyncFeed;
using WorkSights.Application.UnitTests.Support;
using WorkSights.Domain.Activities;
using WorkSights.Domain.Ingestion;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.UnitTests.Ingestion;

public sealed class SyncFeedCommandHandlerTests : IDisposable
{
    private readonly TestDatabase database = new();
    private Tenant tenant = null!;
    private Person ann = null!;
    private Person bob = null!;

    public void Dispose() => database.Dispose();

    private DateTimeOffset Now => database.Clock.GetUtcNow();

    /// <summary>A feed import that runs the script it is given, as a provider adapter's import would.</summary>
    private sealed class ScriptedImport(Func<FeedImportContext, Task> script, params TenantFeed[] feeds) : IFeedImport
    {
        public int Calls { get; private set; }

        public IReadOnlyCollection<TenantFeed> Feeds => feeds;

        public Task ImportAsync(FeedImportContext context, CancellationToken cancellationToken)
        {
            Calls++;
            return script(context);
        }
    }

    private async Task WorkspaceAsync(Action<ConnectedService>? changeService = null)
    {
        tenant = await database.AddTenantAsync("5d2a7e61-0000-4a5b-9c6d-7e8f9a0b1c2d", "contoso.com");
        ann = await database.AddPersonAsync(tenant.Id, "oid-ann", "ann@contoso.com");
        bob = await database.AddPersonAsync(tenant.Id, "oid-bob", "bob@contoso.com");
        await database.AddPersonAsync(tenant.Id, "oid-svc", "scanner@contoso.com", ProvisioningState.Blocked);
        var service = ConnectedService.For(tenant.Id, tenant.Provider);
        changeService?.Invoke(service);
        using var scope = database.TenantContext.BeginScope(tenant.Id);
        await using var db = database.CreateContext();
        db.ConnectedServices.Add(service);
        await db.SaveChangesAsync();
    }

    private async Task<SyncResult> SyncAsync(IFeedImport import, TenantFeed feed = TenantFeed.SignIns)
    {
        await using var db = database.CreateContext();
        return await new SyncFeedCommandHandler(db, database.TenantContext, [import], database.Clock)
            .Handle(new SyncFeedCommand(tenant.Id, feed), CancellationToken.None);
    }

    private async Task<T> ReadAsync<T>(Func<Infrastructure.Persistence.ApplicationDbContext, Task<T>> read)
    {
        using var scope = database.TenantContext.BeginScope(tenant.Id);
        await using var db = database.CreateContext();
        return await read(db);
    }

    private ActivityRecord SignIn(Guid personId, string id, int minutesAgo = 10) =>
        new(tenant.Id, personId, ActivityKind.SignIn, ActivitySource.EntraId, Now.AddMinutes(-minutesAgo), CreditingRules.SignIn, "Outlook", 0, false, id);

    /// <summary>Two pages: the first only stores, the second closes the range.</summary>
    private Func<FeedImportContext, Task> TwoPages(string prefix = "s") => async context =>
    {
        await context.WriteAsync([SignIn(ann.Id, $"{prefix}1"), SignIn(bob.Id, $"{prefix}2")], n => context.Checkpoint.Stored(n), CancellationToken.None);
        await context.WriteAsync([SignIn(ann.Id, $"{prefix}3")], n => context.Checkpoint.Advance(context.Now, n), CancellationToken.None);
    };

    [Fact]
    public async Task StoresEveryPageAndMovesTheCheckpointWithIt()
    {
        await WorkspaceAsync();

        var result = await SyncAsync(new ScriptedImport(TwoPages(), TenantFeed.SignIns));

        Assert.Equal((SyncOutcome.Completed, 3), (result.Outcome, result.Stored));
        var rows = await ReadAsync(db => db.Activities.AsNoTracking().ToListAsync());
        Assert.Equal(["s1", "s2", "s3"], rows.Select(r => r.ExternalId).Order());
        var checkpoint = await ReadAsync(db => db.FeedCheckpoints.AsNoTracking().SingleAsync());
        Assert.Equal((TenantFeed.SignIns, (DateTimeOffset?)Now, 3, (DateTimeOffset?)Now), (checkpoint.Feed, checkpoint.ReadUntil, checkpoint.ItemsImported, checkpoint.LastCompletedAt));
    }

    [Fact]
    public async Task ReadingTheSamePagesAgainLeavesOneRowPerItem()
    {
        await WorkspaceAsync();
        var import = new ScriptedImport(TwoPages(), TenantFeed.SignIns);

        await SyncAsync(import);
        await SyncAsync(import);

        Assert.Equal(3, await ReadAsync(db => db.Activities.CountAsync()));
    }

    [Fact]
    public async Task AnItemTwiceInOnePageIsStoredOnce()
    {
        await WorkspaceAsync();
        var import = new ScriptedImport(
            context => context.WriteAsync([SignIn(ann.Id, "dup"), SignIn(ann.Id, "dup", minutesAgo: 5)], n => context.Checkpoint.Advance(context.Now, n), CancellationToken.None),
            TenantFeed.SignIns);

        var result = await SyncAsync(import);

        Assert.Equal(1, result.Stored);
        var row = await ReadAsync(db => db.Activities.AsNoTracking().SingleAsync());
        Assert.Equal(Now.AddMinutes(-5), row.OccurredAt);
    }

    [Fact]
    public async Task FindsPeopleByDirectoryIdOrAddressButNeverBlockedOrUnknownOnes()
    {
        await WorkspaceAsync();
        var found = new List<Guid?>();
        var import = new ScriptedImport(
            context =>
            {
                found.Add(context.FindPerson("OID-ANN", null));
                found.Add(context.FindPerson(null, "Bob@Contoso.com"));
                found.Add(context.FindPerson("oid-unknown", "ann@contoso.com"));
                found.Add(context.FindPerson("oid-svc", "scanner@contoso.com"));
                found.Add(context.FindPerson("oid-stranger", "eve@fabrikam.com"));
                Assert.True(context.IsWorkspaceAddress("carol@CONTOSO.com"));
                Assert.False(context.IsWorkspaceAddress("eve@fabrikam.com"));
                return Task.CompletedTask;
            },
            TenantFeed.SignIns);

        await SyncAsync(import);

        Assert.Equal([ann.Id, bob.Id, ann.Id, null, null], found);
    }

    [Fact]
    public async Task SkipsAFeedWhoseFeatureIsOffWithoutReadingIt()
    {
        await WorkspaceAsync(s => s.SetFeature(ServiceFeature.Logins, false));
        var import = new ScriptedImport(TwoPages(), TenantFeed.SignIns);

        var result = await SyncAsync(import);

        Assert.Equal(SyncOutcome.Skipped, result.Outcome);
        Assert.Equal(0, import.Calls);
    }

    [Fact]
    public async Task SkipsADisconnectedWorkspaceAndAFeedNobodyImports()
    {
        await WorkspaceAsync(s => s.Disconnect());
        var import = new ScriptedImport(TwoPages(), TenantFeed.SignIns);

        Assert.Equal(SyncOutcome.Skipped, (await SyncAsync(import)).Outcome);
        Assert.Equal(SyncOutcome.Skipped, (await SyncAsync(import, TenantFeed.CallRecords)).Outcome);
        Assert.Equal(0, import.Calls);
    }

    [Fact]
    public async Task ThrottlingParksTheFeedAndNothingIsReadBeforeItsTime()
    {
        await WorkspaceAsync();
        var throttled = new ScriptedImport(_ => throw new ProviderThrottledException(TimeSpan.FromMinutes(5)), TenantFeed.SignIns);

        var result = await SyncAsync(throttled);
        var again = new ScriptedImport(TwoPages(), TenantFeed.SignIns);
        var early = await SyncAsync(again);
        database.Clock.Advance(TimeSpan.FromMinutes(5));
        var onTime = await SyncAsync(again);

        Assert.Equal((SyncOutcome.Parked, (DateTimeOffset?)Now), (result.Outcome, result.NotBefore));
        Assert.Equal(SyncOutcome.Parked, early.Outcome);
        Assert.Equal(SyncOutcome.Completed, onTime.Outcome);
        Assert.Equal(1, again.Calls);
        Assert.Equal(Now, (await ReadAsync(db => db.ConnectedServices.AsNoTracking().SingleAsync())).ThrottledUntil);
    }

    [Fact]
    public async Task PagesStoredBeforeAFailureStayAndTheNextReadResumesAfterThem()
    {
        await WorkspaceAsync();
        var failing = new ScriptedImport(
            async context =>
            {
                await context.WriteAsync([SignIn(ann.Id, "a")], n => context.Checkpoint.Advance(context.Now.AddHours(-1), n), CancellationToken.None);
                throw new ProviderUnavailableException("503 from the provider");
            },
            TenantFeed.SignIns);

        var result = await SyncAsync(failing);

        Assert.Equal((SyncOutcome.ProviderUnavailable, "503 from the provider"), (result.Outcome, result.Problem));
        Assert.Equal(1, await ReadAsync(db => db.Activities.CountAsync()));
        var checkpoint = await ReadAsync(db => db.FeedCheckpoints.AsNoTracking().SingleAsync());
        Assert.Equal((Now.AddHours(-1), (DateTimeOffset?)null), (checkpoint.ReadUntil!.Value, checkpoint.LastCompletedAt));
    }

    [Fact]
    public async Task AuditLogOffShowsOnTheConnectionUntilAnAuditFeedReadsAgain()
    {
        await WorkspaceAsync();
        var off = new ScriptedImport(_ => throw new AuditLogNotEnabledException("Audit logging is not enabled"), TenantFeed.AuditSharePoint);
        var otherFeed = new ScriptedImport(TwoPages(), TenantFeed.SignIns);

        var result = await SyncAsync(off, TenantFeed.AuditSharePoint);
        await SyncAsync(otherFeed);
        var afterOtherFeed = await ReadAsync(db => db.ConnectedServices.AsNoTracking().SingleAsync());
        await SyncAsync(new ScriptedImport(TwoPages("f"), TenantFeed.AuditSharePoint), TenantFeed.AuditSharePoint);
        var afterAuditFeed = await ReadAsync(db => db.ConnectedServices.AsNoTracking().SingleAsync());

        Assert.Equal(SyncOutcome.AuditLogNotEnabled, result.Outcome);
        Assert.True(afterOtherFeed.IsAuditLogOff);
        Assert.Equal(ConnectionStatus.AuditLogNotEnabled, afterOtherFeed.StatusAt(TenantStatus.Active, Now));
        Assert.False(afterAuditFeed.IsAuditLogOff);
        Assert.Equal(6, await ReadAsync(db => db.Activities.CountAsync()));
    }

    [Fact]
    public async Task RevokedConsentStopsTheWorkspace()
    {
        await WorkspaceAsync();

        var result = await SyncAsync(new ScriptedImport(_ => throw new ConsentRevokedException("AADSTS7000112"), TenantFeed.SignIns));

        Assert.Equal(SyncOutcome.ConsentRevoked, result.Outcome);
        Assert.Equal(TenantStatus.ConsentRevoked, (await database.TenantAsync(tenant.Id)).Status);
        Assert.Equal(SyncOutcome.Skipped, (await SyncAsync(new ScriptedImport(TwoPages(), TenantFeed.SignIns))).Outcome);
    }
}
