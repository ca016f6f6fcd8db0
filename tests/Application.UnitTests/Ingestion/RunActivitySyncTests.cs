using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Ingestion.CountActivities;
using WorkSights.Application.Ingestion.RecordThrottling;
using WorkSights.Application.Ingestion.RunActivitySync;
using WorkSights.Application.UnitTests.Support;
using WorkSights.Domain.Ingestion;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.UnitTests.Ingestion;

public sealed class RunActivitySyncTests : IDisposable
{
    private const string ExternalTenantId = "3f2b8c4e-1111-4a5b-9c6d-7e8f9a0b1c2d";
    private const string OtherExternalTenantId = "0e0e0e0e-3333-4a5b-9c6d-7e8f9a0b1c2d";

    private readonly TestDatabase database = new();

    public void Dispose() => database.Dispose();

    private DateTimeOffset Now => database.Clock.GetUtcNow();

    private async Task<Tenant> WorkspaceAsync(string externalTenantId = ExternalTenantId, string domain = "contoso.com", bool active = true, Action<ConnectedService>? changeService = null)
    {
        var tenant = await database.AddTenantAsync(externalTenantId, domain, active);
        if (changeService is not null)
        {
            var service = ConnectedService.For(tenant.Id, tenant.Provider);
            changeService(service);
            using var scope = database.TenantContext.BeginScope(tenant.Id);
            await using var db = database.CreateContext();
            db.ConnectedServices.Add(service);
            await db.SaveChangesAsync();
        }

        return tenant;
    }

    private async Task<ConnectedService> ServiceAsync(Guid tenantId)
    {
        using var scope = database.TenantContext.BeginScope(tenantId);
        await using var db = database.CreateContext();
        return await db.ConnectedServices.AsNoTracking().SingleAsync();
    }

    private async Task<ActivitySyncPlan?> StartAsync(Guid tenantId)
    {
        await using var db = database.CreateContext();
        return await new StartActivitySyncCommandHandler(db, database.TenantContext, database.Clock)
            .Handle(new StartActivitySyncCommand(tenantId), CancellationToken.None);
    }

    private async Task ProgressAsync(Guid tenantId, int peopleDone)
    {
        await using var db = database.CreateContext();
        await new RecordSyncProgressCommandHandler(db, database.TenantContext, new ServiceActivityCounter(db, database.Clock)).Handle(new RecordSyncProgressCommand(tenantId, peopleDone), CancellationToken.None);
    }

    private async Task CompleteAsync(Guid tenantId, DateTimeOffset nextSyncAt, string? problem)
    {
        await using var db = database.CreateContext();
        await new CompleteActivitySyncCommandHandler(db, database.TenantContext, new ServiceActivityCounter(db, database.Clock), database.Clock)
            .Handle(new CompleteActivitySyncCommand(tenantId, nextSyncAt, problem), CancellationToken.None);
    }

    private async Task ThrottledAsync(Guid tenantId, DateTimeOffset until)
    {
        await using var db = database.CreateContext();
        await new RecordThrottlingCommandHandler(db, database.TenantContext).Handle(new RecordThrottlingCommand(tenantId, until), CancellationToken.None);
    }

    [Fact]
    public async Task StartReturnsNullForAWorkspaceAwaitingConsent()
    {
        var tenant = await WorkspaceAsync(active: false, changeService: _ => { });

        Assert.Null(await StartAsync(tenant.Id));
        Assert.False((await ServiceAsync(tenant.Id)).IsRunning);
    }

    [Fact]
    public async Task StartReturnsNullForAWorkspaceWhoseConsentWasRevoked()
    {
        var tenant = await WorkspaceAsync(changeService: _ => { });
        await using (var db = database.CreateContext())
        {
            (await db.Tenants.SingleAsync()).RevokeConsent(Now);
            await db.SaveChangesAsync();
        }

        Assert.Null(await StartAsync(tenant.Id));
    }

    [Fact]
    public async Task StartReturnsNullForAnUnknownWorkspace()
    {
        Assert.Null(await StartAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task StartReturnsNullForADisconnectedService()
    {
        var tenant = await WorkspaceAsync(changeService: s => s.Disconnect());
        await database.AddPersonAsync(tenant.Id, "oid-ann", "ann@contoso.com");

        Assert.Null(await StartAsync(tenant.Id));
        Assert.Null((await ServiceAsync(tenant.Id)).RunStartedAt);
    }

    [Fact]
    public async Task StartReturnsNullGivenNoConnection()
    {
        var tenant = await WorkspaceAsync();

        Assert.Null(await StartAsync(tenant.Id));
    }

    [Fact]
    public async Task StartPlansActiveUnblockedPeopleOfTheWorkspaceOnlyAndTheMailboxFeatures()
    {
        var tenant = await WorkspaceAsync(changeService: _ => { });
        var ann = await database.AddPersonAsync(tenant.Id, "oid-ann", "ann@contoso.com");
        var bob = await database.AddPersonAsync(tenant.Id, "oid-bob", "bob@contoso.com", ProvisioningState.AlreadyLinked);
        await database.AddPersonAsync(tenant.Id, "oid-svc", "svc@contoso.com", ProvisioningState.Blocked);
        await database.AddPersonAsync(tenant.Id, "oid-gone", "gone@contoso.com", change: p => p.MarkRemovedFromDirectory(Now));
        var other = await WorkspaceAsync(OtherExternalTenantId, "fabrikam.com", changeService: _ => { });
        await database.AddPersonAsync(other.Id, "oid-stranger", "stranger@fabrikam.com");

        var plan = await StartAsync(tenant.Id);

        Assert.NotNull(plan);
        Assert.Equal(tenant.Id, plan.TenantId);
        Assert.Equal(new[] { ann.Id, bob.Id }.Order(), plan.PersonIds.Order());
        Assert.Equal([ServiceFeature.Email, ServiceFeature.Calendar], plan.Features);
    }

    [Fact]
    public async Task StartLeavesOutAFeatureThatIsSwitchedOff()
    {
        var tenant = await WorkspaceAsync(changeService: s =>
        {
            s.SetFeature(ServiceFeature.Email, enabled: false);
            s.SetFeature(ServiceFeature.Chat, enabled: false);
        });

        var plan = await StartAsync(tenant.Id);

        Assert.Equal([ServiceFeature.Calendar], plan!.Features);
    }

    [Fact]
    public async Task StartOpensTheRunAndResetsProgress()
    {
        var tenant = await WorkspaceAsync(changeService: s =>
        {
            s.RunStarted(5, TestDatabase.Start.AddHours(-1));
            s.PersonDone();
            s.PersonDone();
        });
        await database.AddPersonAsync(tenant.Id, "oid-ann", "ann@contoso.com");
        await database.AddPersonAsync(tenant.Id, "oid-bob", "bob@contoso.com");
        database.Clock.Advance(TimeSpan.FromMinutes(1));

        await StartAsync(tenant.Id);

        var service = await ServiceAsync(tenant.Id);
        Assert.Equal((true, (DateTimeOffset?)Now, 2, 0), (service.IsRunning, service.RunStartedAt, service.PeopleInRun, service.PeopleDone));
    }

    [Fact]
    public async Task ProgressCountsUpNeverBackwardsAndNeverBeyondThePeopleInTheRun()
    {
        var tenant = await WorkspaceAsync(changeService: _ => { });
        await database.AddPersonAsync(tenant.Id, "oid-ann", "ann@contoso.com");
        await database.AddPersonAsync(tenant.Id, "oid-bob", "bob@contoso.com");
        await StartAsync(tenant.Id);

        await ProgressAsync(tenant.Id, 1);
        Assert.Equal(1, (await ServiceAsync(tenant.Id)).PeopleDone);
        await ProgressAsync(tenant.Id, 3);
        Assert.Equal(2, (await ServiceAsync(tenant.Id)).PeopleDone);
        await ProgressAsync(tenant.Id, 1);

        Assert.Equal(2, (await ServiceAsync(tenant.Id)).PeopleDone);
    }

    [Fact]
    public async Task ProgressDoesNotTouchAnotherWorkspace()
    {
        var tenant = await WorkspaceAsync(changeService: s => s.RunStarted(3, TestDatabase.Start));
        var other = await WorkspaceAsync(OtherExternalTenantId, "fabrikam.com", changeService: s => s.RunStarted(3, TestDatabase.Start));

        await ProgressAsync(tenant.Id, 1);

        Assert.Equal(1, (await ServiceAsync(tenant.Id)).PeopleDone);
        Assert.Equal(0, (await ServiceAsync(other.Id)).PeopleDone);
    }

    [Fact]
    public async Task CompleteClosesTheRunAndSchedulesTheNextSync()
    {
        var tenant = await WorkspaceAsync(changeService: _ => { });
        await database.AddPersonAsync(tenant.Id, "oid-ann", "ann@contoso.com");
        await StartAsync(tenant.Id);
        database.Clock.Advance(TimeSpan.FromMinutes(2));

        await CompleteAsync(tenant.Id, Now.AddMinutes(30), null);

        var service = await ServiceAsync(tenant.Id);
        Assert.False(service.IsRunning);
        Assert.Equal(Now, service.RunCompletedAt);
        Assert.Equal(Now.AddMinutes(30), service.NextSyncAt);
        Assert.Equal(1, service.PeopleDone);
        Assert.Null(service.LastError);
        Assert.Equal(ConnectionStatus.Connected, service.StatusAt(TenantStatus.Active, Now));
    }

    [Fact]
    public async Task CompleteWithAProblemRecordsItAndShowsAnError()
    {
        var tenant = await WorkspaceAsync(changeService: _ => { });
        await StartAsync(tenant.Id);

        await CompleteAsync(tenant.Id, Now.AddMinutes(30), "1 mailbox reads failed; the first: 503");

        var service = await ServiceAsync(tenant.Id);
        Assert.Equal(("1 mailbox reads failed; the first: 503", (DateTimeOffset?)Now), (service.LastError, service.LastErrorAt));
        Assert.Equal(Now.AddMinutes(30), service.NextSyncAt);
        Assert.Equal(ConnectionStatus.Error, service.StatusAt(TenantStatus.Active, Now.AddMinutes(1)));
    }

    [Fact]
    public async Task CompleteDoesNothingGivenNoConnection()
    {
        var tenant = await WorkspaceAsync();

        await CompleteAsync(tenant.Id, Now.AddMinutes(30), "problem");

        using var scope = database.TenantContext.BeginScope(tenant.Id);
        await using var db = database.CreateContext();
        Assert.False(await db.ConnectedServices.AnyAsync());
    }

    [Fact]
    public async Task RecordThrottlingKeepsTheLaterTime()
    {
        var tenant = await WorkspaceAsync(changeService: _ => { });

        await ThrottledAsync(tenant.Id, Now.AddMinutes(10));
        await ThrottledAsync(tenant.Id, Now.AddMinutes(5));

        Assert.Equal(Now.AddMinutes(10), (await ServiceAsync(tenant.Id)).ThrottledUntil);
    }

    [Fact]
    public async Task RecordThrottlingCreatesTheConnectionOfAnOlderWorkspace()
    {
        var tenant = await WorkspaceAsync();

        await ThrottledAsync(tenant.Id, Now.AddMinutes(10));

        var service = await ServiceAsync(tenant.Id);
        Assert.Equal((tenant.Id, (DateTimeOffset?)Now.AddMinutes(10)), (service.TenantId, service.ThrottledUntil));
    }
}
