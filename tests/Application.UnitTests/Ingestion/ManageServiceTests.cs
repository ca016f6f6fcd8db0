using System.Reflection;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Behaviours;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Security;
using WorkSights.Application.Ingestion.GetServiceView;
using WorkSights.Application.Ingestion.ManageService;
using WorkSights.Application.UnitTests.Support;
using WorkSights.Domain.Ingestion;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;
using WorkSights.Infrastructure.Persistence;

namespace WorkSights.Application.UnitTests.Ingestion;

public sealed class ManageServiceTests : IDisposable
{
    private const string ExternalTenantId = "3f2b8c4e-1111-4a5b-9c6d-7e8f9a0b1c2d";

    private readonly TestDatabase database = new();
    private readonly RecordingSyncSignal signal = new();

    public void Dispose() => database.Dispose();

    private DateTimeOffset Now => database.Clock.GetUtcNow();

    private async Task<Tenant> WorkspaceAsync(bool withService = true)
    {
        var tenant = await database.AddTenantAsync(ExternalTenantId, "contoso.com");
        if (withService)
        {
            using var scope = database.TenantContext.BeginScope(tenant.Id);
            await using var db = database.CreateContext();
            db.ConnectedServices.Add(ConnectedService.For(tenant.Id, tenant.Provider));
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

    private Task SendAsync(Guid tenantId, SetServiceFeatureCommand command) =>
        SendAsync(tenantId, db => new SetServiceFeatureCommandHandler(db, database.TenantContext).Handle(command, CancellationToken.None));

    private Task SendAsync(Guid tenantId, RequestSyncNowCommand command) =>
        SendAsync(tenantId, db => new RequestSyncNowCommandHandler(db, database.TenantContext, signal, database.Clock).Handle(command, CancellationToken.None));

    private Task SendAsync(Guid tenantId, SetConnectionCommand command) =>
        SendAsync(tenantId, db => new SetConnectionCommandHandler(db, database.TenantContext, signal, database.Clock).Handle(command, CancellationToken.None));

    private async Task SendAsync(Guid tenantId, Func<ApplicationDbContext, ValueTask<Unit>> handle)
    {
        using var scope = database.TenantContext.BeginScope(tenantId);
        await using var db = database.CreateContext();
        await handle(db);
    }

    [Fact]
    public async Task SetServiceFeatureSwitchesOnlyThatFeature()
    {
        var tenant = await WorkspaceAsync();

        await SendAsync(tenant.Id, new SetServiceFeatureCommand(ServiceFeature.Calendar, false));

        var service = await ServiceAsync(tenant.Id);
        Assert.False(service.IsEnabled(ServiceFeature.Calendar));
        Assert.True(service.IsEnabled(ServiceFeature.Email));

        await SendAsync(tenant.Id, new SetServiceFeatureCommand(ServiceFeature.Calendar, true));

        Assert.True((await ServiceAsync(tenant.Id)).IsEnabled(ServiceFeature.Calendar));
    }

    [Fact]
    public async Task SetServiceFeatureCreatesTheConnectionOfAnOlderWorkspace()
    {
        var tenant = await WorkspaceAsync(withService: false);

        await SendAsync(tenant.Id, new SetServiceFeatureCommand(ServiceFeature.Email, false));

        var service = await ServiceAsync(tenant.Id);
        Assert.Equal((tenant.Id, IdentityProvider.Microsoft365, false), (service.TenantId, service.Provider, service.IsEnabled(ServiceFeature.Email)));
    }

    [Fact]
    public async Task SetServiceFeatureIsNotFoundOutsideAWorkspace()
    {
        await using var db = database.CreateContext();

        await Assert.ThrowsAsync<NotFoundException>(async () =>
            await new SetServiceFeatureCommandHandler(db, database.TenantContext).Handle(new SetServiceFeatureCommand(ServiceFeature.Email, false), CancellationToken.None));
    }

    [Fact]
    public void SetServiceFeatureValidatorRejectsAnUnknownFeature()
    {
        var validator = new SetServiceFeatureCommandValidator();

        Assert.False(validator.Validate(new SetServiceFeatureCommand((ServiceFeature)9, false)).IsValid);
        Assert.True(validator.Validate(new SetServiceFeatureCommand(ServiceFeature.Logins, false)).IsValid);
    }

    [Fact]
    public async Task RequestSyncNowSchedulesTheSyncNowAndWakesTheWorker()
    {
        var tenant = await WorkspaceAsync();
        database.Clock.Advance(TimeSpan.FromMinutes(7));

        await SendAsync(tenant.Id, new RequestSyncNowCommand());

        Assert.Equal(Now, (await ServiceAsync(tenant.Id)).NextSyncAt);
        Assert.Equal([tenant.Id], signal.Woken);
    }

    [Fact]
    public async Task DisconnectStopsSchedulingAndDoesNotWakeTheWorker()
    {
        var tenant = await WorkspaceAsync();
        await SendAsync(tenant.Id, new RequestSyncNowCommand());
        signal.Woken.Clear();

        await SendAsync(tenant.Id, new SetConnectionCommand(false));

        var service = await ServiceAsync(tenant.Id);
        Assert.Equal((true, (DateTimeOffset?)null), (service.IsDisconnected, service.NextSyncAt));
        Assert.Empty(signal.Woken);
    }

    [Fact]
    public async Task ConnectAgainSchedulesASyncNowAndWakesTheWorker()
    {
        var tenant = await WorkspaceAsync();
        await SendAsync(tenant.Id, new SetConnectionCommand(false));
        database.Clock.Advance(TimeSpan.FromHours(2));

        await SendAsync(tenant.Id, new SetConnectionCommand(true));

        var service = await ServiceAsync(tenant.Id);
        Assert.Equal((false, (DateTimeOffset?)Now), (service.IsDisconnected, service.NextSyncAt));
        Assert.Equal([tenant.Id], signal.Woken);
    }

    [Theory]
    [InlineData(typeof(SetServiceFeatureCommand))]
    [InlineData(typeof(RequestSyncNowCommand))]
    [InlineData(typeof(SetConnectionCommand))]
    [InlineData(typeof(GetServiceViewQuery))]
    public void ServiceViewRequestsRequireOwnerOrTechnicalAdmin(Type request)
    {
        var attribute = request.GetCustomAttribute<RequiresRoleAttribute>();

        Assert.NotNull(attribute);
        Assert.Equal([PersonRole.TechnicalAdmin, PersonRole.Owner], attribute.Roles.Order());
    }

    [Fact]
    public async Task MemberIsRefusedSwitchingAFeature()
    {
        var called = false;
        var behaviour = new AuthorizationBehaviour<SetServiceFeatureCommand, Unit>(new FakeCurrentUser(PersonRole.Member));

        await Assert.ThrowsAsync<ForbiddenAccessException>(async () => await behaviour.Handle(
            new SetServiceFeatureCommand(ServiceFeature.Email, false),
            (_, _) =>
            {
                called = true;
                return ValueTask.FromResult(Unit.Value);
            },
            CancellationToken.None));

        Assert.False(called);
    }

    [Fact]
    public async Task MemberIsRefusedRequestingASyncNow()
    {
        var behaviour = new AuthorizationBehaviour<RequestSyncNowCommand, Unit>(new FakeCurrentUser(PersonRole.Member));

        await Assert.ThrowsAsync<ForbiddenAccessException>(async () =>
            await behaviour.Handle(new RequestSyncNowCommand(), (_, _) => ValueTask.FromResult(Unit.Value), CancellationToken.None));
    }

    [Fact]
    public async Task MemberIsRefusedDisconnecting()
    {
        var behaviour = new AuthorizationBehaviour<SetConnectionCommand, Unit>(new FakeCurrentUser(PersonRole.Member));

        await Assert.ThrowsAsync<ForbiddenAccessException>(async () =>
            await behaviour.Handle(new SetConnectionCommand(false), (_, _) => ValueTask.FromResult(Unit.Value), CancellationToken.None));
    }

    [Fact]
    public async Task TechnicalAdminMayDisconnect()
    {
        var called = false;
        var behaviour = new AuthorizationBehaviour<SetConnectionCommand, Unit>(new FakeCurrentUser(PersonRole.TechnicalAdmin));

        await behaviour.Handle(
            new SetConnectionCommand(false),
            (_, _) =>
            {
                called = true;
                return ValueTask.FromResult(Unit.Value);
            },
            CancellationToken.None);

        Assert.True(called);
    }
}
