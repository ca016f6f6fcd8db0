using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Ingestion.CountActivities;
using WorkSights.Application.Ingestion.GetServiceView;
using WorkSights.Application.Onboarding.RecheckConsent;
using WorkSights.Application.UnitTests.Support;
using WorkSights.Domain.Activities;
using WorkSights.Domain.Directory;
using WorkSights.Domain.Ingestion;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.UnitTests.Ingestion;

public sealed class GetServiceViewQueryHandlerTests : IDisposable
{
    private const string ExternalTenantId = "3f2b8c4e-1111-4a5b-9c6d-7e8f9a0b1c2d";
    private const string OtherExternalTenantId = "0e0e0e0e-3333-4a5b-9c6d-7e8f9a0b1c2d";

    private readonly TestDatabase database = new();

    public void Dispose() => database.Dispose();

    private DateTimeOffset Now => database.Clock.GetUtcNow();

    private async Task<(Tenant Tenant, Person Person)> WorkspaceAsync(string externalTenantId = ExternalTenantId, string domain = "contoso.com", Action<ConnectedService>? changeService = null)
    {
        var tenant = await database.AddTenantAsync(externalTenantId, domain);
        var person = await database.AddPersonAsync(tenant.Id, "oid-ann", $"ann@{domain}");
        if (changeService is not null)
        {
            var service = ConnectedService.For(tenant.Id, tenant.Provider);
            changeService(service);
            await AddAsync(tenant.Id, service);
        }

        return (tenant, person);
    }

    private async Task AddAsync(Guid tenantId, params object[] entities)
    {
        using var scope = database.TenantContext.BeginScope(tenantId);
        await using var db = database.CreateContext();
        db.AddRange(entities);
        await db.SaveChangesAsync();
    }

    private static Activity Item(Person person, ActivityKind kind, string id) =>
        Activity.Record(
            new ActivityRecord(person.TenantId, person.Id, kind, ActivitySource.OutlookCalendar, TestDatabase.Start, TimeSpan.FromMinutes(5), null, 0, false, id),
            TestDatabase.Start);

    private async Task<ServiceViewDto> ViewAsync(Guid tenantId)
    {
        using var scope = database.TenantContext.BeginScope(tenantId);
        await using var db = database.CreateContext();
        return await new GetServiceViewQueryHandler(db, database.TenantContext, [], Options.Create(new ConsentRecheckOptions()), database.Clock).Handle(new GetServiceViewQuery(), CancellationToken.None);
    }

    private async Task RecountAsync(Guid tenantId)
    {
        using var scope = database.TenantContext.BeginScope(tenantId);
        await using var db = database.CreateContext();
        await new ServiceActivityCounter(db, database.Clock).RecountAsync(tenantId, CancellationToken.None);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task CountsItemsPerFeatureFromTheLastRecountOfTheWorkspaceOnly()
    {
        var (tenant, ann) = await WorkspaceAsync(changeService: _ => { });
        await AddAsync(
            tenant.Id,
            Item(ann, ActivityKind.EmailSent, "m-1"),
            Item(ann, ActivityKind.EmailSent, "m-2"),
            Item(ann, ActivityKind.MailboxAccess, "a-1"),
            Item(ann, ActivityKind.Meeting, "e-1"),
            Item(ann, ActivityKind.CalendarBlock, "e-2"),
            Item(ann, ActivityKind.CalendarResponse, "e-3"),
            Item(ann, ActivityKind.ChatMessage, "c-1"),
            Item(ann, ActivityKind.SignIn, "s-1"));
        var (other, stranger) = await WorkspaceAsync(OtherExternalTenantId, "fabrikam.com", _ => { });
        await AddAsync(other.Id, Item(stranger, ActivityKind.EmailSent, "m-1"));
        await RecountAsync(tenant.Id);
        await RecountAsync(other.Id);
        await AddAsync(tenant.Id, Item(ann, ActivityKind.EmailSent, "m-3"));

        var view = await ViewAsync(tenant.Id);

        var counts = view.Features.ToDictionary(f => f.Feature, f => f.ItemsImported);
        Assert.Equal(2, counts[ServiceFeature.Email]);
        Assert.Equal(1, counts[ServiceFeature.MailboxAccess]);
        Assert.Equal(3, counts[ServiceFeature.Calendar]);
        Assert.Equal(0, counts[ServiceFeature.Calls]);
        Assert.Equal(1, counts[ServiceFeature.Chat]);
        Assert.Equal(0, counts[ServiceFeature.Files]);
        Assert.Equal(1, counts[ServiceFeature.Logins]);

        await RecountAsync(tenant.Id);
        Assert.Equal(3, (await ViewAsync(tenant.Id)).Features.Single(f => f.Feature == ServiceFeature.Email).ItemsImported);
    }

    [Fact]
    public async Task ListsEveryFeatureWithItsToggleAndOnlyMailAndCalendarAvailable()
    {
        var (tenant, _) = await WorkspaceAsync(changeService: s => s.SetFeature(ServiceFeature.Calendar, enabled: false));

        var view = await ViewAsync(tenant.Id);

        Assert.Equal(
            [ServiceFeature.Email, ServiceFeature.MailboxAccess, ServiceFeature.Calendar, ServiceFeature.Calls, ServiceFeature.Chat, ServiceFeature.Files, ServiceFeature.Logins],
            view.Features.Select(f => f.Feature));
        Assert.Equal(
            [ServiceFeature.Email, ServiceFeature.MailboxAccess, ServiceFeature.Calls, ServiceFeature.Chat, ServiceFeature.Files, ServiceFeature.Logins],
            view.Features.Where(f => f.Enabled).Select(f => f.Feature));
        Assert.Equal([ServiceFeature.Email, ServiceFeature.Calendar], view.Features.Where(f => f.IsAvailable).Select(f => f.Feature));
    }

    [Fact]
    public async Task ListsProblemsNewestFirst()
    {
        var (tenant, _) = await WorkspaceAsync(changeService: s => s.RecordError("Mailbox read failed", TestDatabase.Start.AddMinutes(5)));
        var directory = DirectorySyncState.For(tenant.Id);
        directory.Failed("503 from Graph", TestDatabase.Start.AddMinutes(9));
        await AddAsync(tenant.Id, directory);

        var view = await ViewAsync(tenant.Id);

        Assert.Equal(
            [new ServiceProblemDto(TestDatabase.Start.AddMinutes(9), "Directory: 503 from Graph"), new ServiceProblemDto(TestDatabase.Start.AddMinutes(5), "Mailbox read failed")],
            view.RecentProblems);
    }

    [Fact]
    public async Task ListsNoProblemsGivenASucceededDirectoryAndNoError()
    {
        var (tenant, _) = await WorkspaceAsync(changeService: _ => { });
        var directory = DirectorySyncState.For(tenant.Id);
        directory.Succeeded("delta-1", 1, TestDatabase.Start);
        await AddAsync(tenant.Id, directory);

        var view = await ViewAsync(tenant.Id);

        Assert.Empty(view.RecentProblems);
        Assert.Equal(TestDatabase.Start, view.LastDirectorySyncAt);
    }

    [Fact]
    public async Task ShowsProgressAndSyncingWhileARunIsUnderWay()
    {
        var (tenant, _) = await WorkspaceAsync(changeService: s =>
        {
            s.RunStarted(4, TestDatabase.Start);
            s.PersonDone();
        });

        var view = await ViewAsync(tenant.Id);

        Assert.Equal((ConnectionStatus.Syncing, 4, 1, 25), (view.Status, view.PeopleInRun, view.PeopleDone, view.ProgressPercent));
    }

    [Fact]
    public async Task ShowsThrottledUntilTheWaitIsOver()
    {
        var (tenant, _) = await WorkspaceAsync(changeService: s => s.Throttled(TestDatabase.Start.AddMinutes(10)));

        var view = await ViewAsync(tenant.Id);

        Assert.Equal((ConnectionStatus.Throttled, (DateTimeOffset?)Now.AddMinutes(10)), (view.Status, view.ThrottledUntil));
        database.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(ConnectionStatus.Connected, (await ViewAsync(tenant.Id)).Status);
    }

    [Fact]
    public async Task ShowsConsentRevokedWithItsTime()
    {
        var (tenant, _) = await WorkspaceAsync(changeService: _ => { });
        await using (var db = database.CreateContext())
        {
            (await db.Tenants.SingleAsync()).RevokeConsent(Now);
            await db.SaveChangesAsync();
        }

        var view = await ViewAsync(tenant.Id);

        Assert.Equal((ConnectionStatus.ConsentRevoked, (DateTimeOffset?)Now), (view.Status, view.ConsentRevokedAt));
    }

    [Fact]
    public async Task ShowsNoNextSyncWhileDisconnected()
    {
        var (tenant, _) = await WorkspaceAsync(changeService: s =>
        {
            s.RunStarted(1, TestDatabase.Start.AddMinutes(-5));
            s.RunCompleted(TestDatabase.Start.AddMinutes(-4), TestDatabase.Start.AddMinutes(30));
            s.Disconnect();
        });

        var view = await ViewAsync(tenant.Id);

        Assert.Equal((ConnectionStatus.Disconnected, new NextSync(NextSyncState.PausedDisconnected, null), (DateTimeOffset?)TestDatabase.Start.AddMinutes(-4)), (view.Status, view.NextSync, view.LastSyncAt));
    }

    [Fact]
    public async Task ShowsLastAndNextSyncOfAConnectedService()
    {
        var (tenant, _) = await WorkspaceAsync(changeService: s =>
        {
            s.RunStarted(1, TestDatabase.Start.AddMinutes(-5));
            s.RunCompleted(TestDatabase.Start.AddMinutes(-4), TestDatabase.Start.AddMinutes(30));
        });

        var view = await ViewAsync(tenant.Id);

        Assert.Equal(
            (ConnectionStatus.Connected, new NextSync(NextSyncState.Scheduled, TestDatabase.Start.AddMinutes(30)), (DateTimeOffset?)TestDatabase.Start.AddMinutes(-4), IdentityProvider.Microsoft365, "contoso.com"),
            (view.Status, view.NextSync, view.LastSyncAt, view.Provider, view.PrimaryDomain));
    }

    [Fact]
    public async Task ShowsAConnectedDefaultGivenNoConnectionYet()
    {
        var (tenant, _) = await WorkspaceAsync();

        var view = await ViewAsync(tenant.Id);

        Assert.Equal(ConnectionStatus.Connected, view.Status);
        Assert.All(view.Features, f => Assert.True(f.Enabled));
        Assert.Equal(0, view.ProgressPercent);
    }

    [Fact]
    public async Task CountsPeopleInTheDirectoryExceptRemovedOnes()
    {
        var (tenant, _) = await WorkspaceAsync(changeService: _ => { });
        await database.AddPersonAsync(tenant.Id, "oid-bob", "bob@contoso.com", ProvisioningState.Blocked);
        await database.AddPersonAsync(tenant.Id, "oid-gone", "gone@contoso.com", change: p => p.MarkRemovedFromDirectory(TestDatabase.Start));
        await WorkspaceAsync(OtherExternalTenantId, "fabrikam.com");

        Assert.Equal(2, (await ViewAsync(tenant.Id)).PeopleInDirectory);
    }

    [Fact]
    public async Task IsNotFoundOutsideAWorkspace()
    {
        await WorkspaceAsync(changeService: _ => { });
        await using var db = database.CreateContext();

        await Assert.ThrowsAsync<NotFoundException>(async () =>
            await new GetServiceViewQueryHandler(db, database.TenantContext, [], Options.Create(new ConsentRecheckOptions()), database.Clock).Handle(new GetServiceViewQuery(), CancellationToken.None));
    }
}
