using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Onboarding.ProvisionWorkspace;
using WorkSights.Application.UnitTests.Support;
using WorkSights.Domain.Ingestion;
using WorkSights.Domain.Tenants;
using static WorkSights.Application.UnitTests.Support.FakeDirectoryReader;

namespace WorkSights.Application.UnitTests.Onboarding;

/// <summary>Provisioning starts the activity backfill right away instead of at the next scheduled sync.</summary>
public sealed class ProvisionWorkspaceActivityImportTests : IDisposable
{
    private const string ExternalTenantId = "3f2b8c4e-1111-4a5b-9c6d-7e8f9a0b1c2d";
    private const string AdminId = "a0000000-0000-4000-8000-000000000001";

    private readonly TestDatabase database = new();
    private readonly FakeDirectoryReader directory = new();

    public void Dispose() => database.Dispose();

    private DateTimeOffset Now => database.Clock.GetUtcNow();

    private async Task<(ProvisioningResult Result, List<Guid> Woken)> ProvisionAsync(Tenant tenant)
    {
        await using var scope = new RequestScope(database, directory);
        var result = await scope.Mediator.Send(new ProvisionWorkspaceCommand(tenant.Id, AdminId));
        return (result, scope.ActivitySync.Woken);
    }

    private async Task<List<ConnectedService>> ServicesAsync(Guid tenantId)
    {
        using var scope = database.TenantContext.BeginScope(tenantId);
        await using var db = database.CreateContext();
        return await db.ConnectedServices.AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task ProvisioningCreatesTheConnectionSchedulesASyncNowAndWakesTheWorker()
    {
        var tenant = await database.AddTenantAsync(ExternalTenantId, "contoso.com");
        directory.Returns(Page("delta-1", Member(AdminId, "admin@contoso.com")));
        database.Clock.Advance(TimeSpan.FromMinutes(3));

        var (result, woken) = await ProvisionAsync(tenant);

        Assert.True(result.Succeeded);
        var service = Assert.Single(await ServicesAsync(tenant.Id));
        Assert.Equal((tenant.Id, IdentityProvider.Microsoft365, (DateTimeOffset?)Now, false), (service.TenantId, service.Provider, service.NextSyncAt, service.IsDisconnected));
        Assert.Equal([tenant.Id], woken);
        Assert.Equal(ConnectionStatus.Syncing, service.StatusAt(TenantStatus.Active, Now));
    }

    [Fact]
    public async Task ProvisioningAgainReusesTheConnectionAndKeepsItsFeatures()
    {
        var tenant = await database.AddTenantAsync(ExternalTenantId, "contoso.com");
        var existing = ConnectedService.For(tenant.Id, tenant.Provider);
        existing.SetFeature(ServiceFeature.Email, enabled: false);
        existing.ScheduleNextSync(Now.AddHours(1));
        using (database.TenantContext.BeginScope(tenant.Id))
        {
            await using var db = database.CreateContext();
            db.ConnectedServices.Add(existing);
            await db.SaveChangesAsync();
        }

        directory.Returns(Page("delta-1", Member(AdminId, "admin@contoso.com")));

        var (_, woken) = await ProvisionAsync(tenant);

        var service = Assert.Single(await ServicesAsync(tenant.Id));
        Assert.Equal((existing.Id, (DateTimeOffset?)Now, false), (service.Id, service.NextSyncAt, service.IsEnabled(ServiceFeature.Email)));
        Assert.Equal([tenant.Id], woken);
    }

    [Fact]
    public async Task FailedDirectoryImportNeitherCreatesTheConnectionNorWakesTheWorker()
    {
        var tenant = await database.AddTenantAsync(ExternalTenantId, "contoso.com");
        directory.Throws(new ProviderUnavailableException("503"));

        var (result, woken) = await ProvisionAsync(tenant);

        Assert.False(result.Succeeded);
        Assert.Empty(await ServicesAsync(tenant.Id));
        Assert.Empty(woken);
    }
}
