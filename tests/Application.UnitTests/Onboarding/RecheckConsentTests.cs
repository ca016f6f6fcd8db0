using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkSights.Application.Ingestion.MarkInterruptedRuns;
using WorkSights.Application.Ingestion.SyncNow;
using WorkSights.Application.Onboarding.RecheckConsent;
using WorkSights.Application.UnitTests.Support;
using WorkSights.Domain.Ingestion;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.UnitTests.Onboarding;

/// <summary>Issue 13: restart truth and recovery without a click, on a fake clock.</summary>
public sealed class RecheckConsentTests : IDisposable
{
    private const string ExternalTenantId = "3f2b8c4e-1111-4a5b-9c6d-7e8f9a0b1c2d";

    private readonly TestDatabase database = new();
    private readonly FakeConsentVerifier consent = new();
    private readonly RecordingSyncSignal signal = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task RevokedWorkspaceRecoversOnTheFirstCheckAfterConsentIsGrantedAgain()
    {
        var tenant = await RevokedWorkspaceAsync();
        consent.GrantsNothing();

        var early = await RecheckAllAsync();
        database.Clock.Advance(TimeSpan.FromHours(1));
        var stillRevoked = await RecheckAllAsync();
        var callsWhileRevoked = consent.Calls;
        consent.Proof = new FakeConsentVerifier().Proof;
        database.Clock.Advance(TimeSpan.FromMinutes(59));
        var beforeNextCheck = await RecheckAllAsync();
        database.Clock.Advance(TimeSpan.FromMinutes(1));
        var recovered = await RecheckAllAsync();

        Assert.Equal((0, 0, 0, 1), (early, stillRevoked, beforeNextCheck, recovered));
        Assert.Equal(1, callsWhileRevoked);
        Assert.Equal(2, consent.Calls);
        var after = await TenantAsync();
        Assert.Equal(TenantStatus.Active, after.Status);
        Assert.Equal(database.Clock.GetUtcNow(), after.ConsentRecoveredAt);
        Assert.Equal(database.Clock.GetUtcNow(), (await ServiceAsync(tenant.Id)).NextSyncAt);
        Assert.Equal([tenant.Id], signal.Woken);
        Assert.Equal(["Consent granted again (found by the hourly check)"], await AuditedAsync(tenant.Id));
    }

    private async Task<List<string?>> AuditedAsync(Guid tenantId)
    {
        using var scope = database.TenantContext.BeginScope(tenantId);
        await using var db = database.CreateContext();
        return await db.AuditEntries.AsNoTracking().Where(e => e.Action == "workspace.consent.recovered" && e.ByPersonId == null).Select(e => e.After).ToListAsync();
    }

    [Fact]
    public async Task RecheckChangesNothingButTheCheckTimeGivenAPartialGrantOrAnUnreachableProvider()
    {
        var tenant = await RevokedWorkspaceAsync();
        consent.GrantsOnlyUsers();

        var partial = await SendAsync(new RecheckConsentCommand(tenant.Id));
        consent.Unreachable = true;
        var unreachable = await SendAsync(new RecheckConsentCommand(tenant.Id));

        Assert.Equal((ConsentRecheckOutcome.StillRevoked, ConsentRecheckOutcome.Unavailable), (partial, unreachable));
        var after = await TenantAsync();
        Assert.Equal((TenantStatus.ConsentRevoked, (DateTimeOffset?)database.Clock.GetUtcNow()), (after.Status, after.ConsentCheckedAt));
        Assert.Empty(signal.Woken);
    }

    [Fact]
    public async Task SyncNowOnARevokedWorkspaceSaysWhyUnlessConsentCameBack()
    {
        var tenant = await RevokedWorkspaceAsync();
        consent.GrantsNothing();

        var revoked = await SendInWorkspaceAsync(tenant.Id, new SyncNowCommand());

        Assert.Equal(SyncNowOutcome.ConsentRevoked, revoked);
        Assert.Equal(TenantStatus.ConsentRevoked, (await TenantAsync()).Status);
    }

    [Fact]
    public async Task SyncNowOnADisconnectedWorkspaceSaysSoAndReadsNothing()
    {
        var tenant = await database.AddTenantAsync(ExternalTenantId, "contoso.com");
        await AddServiceAsync(tenant.Id, s => s.Disconnect());
        var directory = new FakeDirectoryReader();

        var outcome = await SendInWorkspaceAsync(tenant.Id, new SyncNowCommand(), directory);

        Assert.Equal(SyncNowOutcome.Disconnected, outcome);
        Assert.Empty(directory.Calls);
    }

    [Fact]
    public async Task RunsLeftRunningByTheLastProcessAreMarkedInterruptedAndDueAtOnce()
    {
        var running = await database.AddTenantAsync(ExternalTenantId, "contoso.com");
        var idle = await database.AddTenantAsync("0e0e0e0e-3333-4a5b-9c6d-7e8f9a0b1c2d", "fabrikam.com");
        await AddServiceAsync(running.Id, s => s.RunStarted(10, database.Clock.GetUtcNow().AddMinutes(-2)));
        await AddServiceAsync(idle.Id, s => s.ScheduleNextSync(database.Clock.GetUtcNow().AddMinutes(9)));

        var interrupted = await SendAsync(new MarkInterruptedRunsCommand());

        Assert.Equal(1, interrupted);
        var service = await ServiceAsync(running.Id);
        Assert.Equal((false, true, (DateTimeOffset?)database.Clock.GetUtcNow()), (service.IsRunning, service.WasInterrupted, service.NextSyncAt));
        Assert.Null((await ServiceAsync(idle.Id)).RunInterruptedAt);
    }

    private async Task<Tenant> RevokedWorkspaceAsync()
    {
        var tenant = await database.AddTenantAsync(ExternalTenantId, "contoso.com");
        await AddServiceAsync(tenant.Id, s => s.ScheduleNextSync(database.Clock.GetUtcNow().AddMinutes(-5)));
        await using var db = database.CreateContext();
        (await db.Tenants.SingleAsync(t => t.Id == tenant.Id)).RevokeConsent(database.Clock.GetUtcNow());
        await db.SaveChangesAsync();
        return tenant;
    }

    private async Task<int> RecheckAllAsync() => await SendAsync(new RecheckRevokedConsentsCommand());

    private async Task<TResponse> SendAsync<TResponse>(Mediator.ICommand<TResponse> command, FakeDirectoryReader? directory = null)
    {
        await using var scope = new RequestScope(database, directory ?? new FakeDirectoryReader(), consent);
        scope.Mediator.Register(new RecheckConsentCommandHandler(scope.Db, database.TenantContext, consent, signal, database.Clock));
        scope.Mediator.Register(new RecheckRevokedConsentsCommandHandler(scope.Db, scope.Mediator, Options.Create(new ConsentRecheckOptions()), database.Clock));
        scope.Mediator.Register(new MarkInterruptedRunsCommandHandler(scope.Db, database.TenantContext, database.Clock));
        scope.Mediator.Register(new SyncNowCommandHandler(scope.Db, database.TenantContext, scope.Mediator));
        return await scope.Mediator.Send(command);
    }

    private async Task<TResponse> SendInWorkspaceAsync<TResponse>(Guid tenantId, Mediator.ICommand<TResponse> command, FakeDirectoryReader? directory = null)
    {
        using var workspace = database.TenantContext.BeginScope(tenantId);
        return await SendAsync(command, directory);
    }

    private async Task AddServiceAsync(Guid tenantId, Action<ConnectedService> change)
    {
        using var scope = database.TenantContext.BeginScope(tenantId);
        await using var db = database.CreateContext();
        var service = ConnectedService.For(tenantId, IdentityProvider.Microsoft365);
        change(service);
        db.ConnectedServices.Add(service);
        await db.SaveChangesAsync();
    }

    private async Task<Tenant> TenantAsync()
    {
        await using var db = database.CreateContext();
        return await db.Tenants.AsNoTracking().SingleAsync(t => t.ExternalTenantId == ExternalTenantId);
    }

    private async Task<ConnectedService> ServiceAsync(Guid tenantId)
    {
        using var scope = database.TenantContext.BeginScope(tenantId);
        await using var db = database.CreateContext();
        return await db.ConnectedServices.AsNoTracking().SingleAsync();
    }
}
