using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Directory.ImportDirectory;
using WorkSights.Application.Ingestion;
using WorkSights.Application.UnitTests.Support;
using WorkSights.Domain.Ingestion;
using WorkSights.Domain.Tenants;
using WorkSights.Infrastructure.Persistence;

namespace WorkSights.Application.UnitTests.Ingestion;

public sealed class ProviderFailuresTests : IDisposable
{
    private readonly TestDatabase database = new();
    private readonly List<DateTimeOffset> parkedUntil = [];
    private Tenant tenant = null!;

    public void Dispose() => database.Dispose();

    private DateTimeOffset Now => database.Clock.GetUtcNow();

    private async Task WorkspaceAsync()
    {
        tenant = await database.AddTenantAsync("7c1d2e3f-0000-4a5b-9c6d-7e8f9a0b1c2d", "contoso.com");
        using var scope = database.TenantContext.BeginScope(tenant.Id);
        await using var db = database.CreateContext();
        db.ConnectedServices.Add(ConnectedService.For(tenant.Id, tenant.Provider));
        await db.SaveChangesAsync();
        database.Clock.Advance(TimeSpan.FromMinutes(7));
    }

    private Task ParkAsync(DateTimeOffset until)
    {
        parkedUntil.Add(until);
        return Task.CompletedTask;
    }

    /// <summary>Applies the policy for a sync of the connected service, with a change left unsaved in the context beforehand.</summary>
    private async Task<ProviderFailure> ApplyForServiceAsync(Exception exception)
    {
        using var scope = database.TenantContext.BeginScope(tenant.Id);
        await using var db = database.CreateContext();
        var workspace = await db.Tenants.SingleAsync(t => t.Id == tenant.Id);
        var service = await db.ConnectedServices.SingleAsync();
        service.ScheduleNextSync(Now.AddHours(1));
        return await new ProviderFailures(db, database.Clock, workspace, "the mailbox sync").ApplyAsync(exception, service, ParkAsync, CancellationToken.None);
    }

    private async Task<T> ReadAsync<T>(Func<ApplicationDbContext, Task<T>> read)
    {
        using var scope = database.TenantContext.BeginScope(tenant.Id);
        await using var db = database.CreateContext();
        return await read(db);
    }

    private Task<ConnectedService> ServiceAsync() => ReadAsync(db => db.ConnectedServices.AsNoTracking().SingleAsync());

    private Task<List<string?>> AuditedAsync() => ReadAsync(db => db.AuditEntries.AsNoTracking().Select(e => e.After).ToListAsync());

    public static TheoryData<Exception, ProviderFailureKind?> Exceptions() => new()
    {
        { new ProviderThrottledException(TimeSpan.FromSeconds(30)), ProviderFailureKind.Throttled },
        { new ConsentRevokedException("AADSTS7000229"), ProviderFailureKind.ConsentRevoked },
        { new ProviderUnavailableException("503"), ProviderFailureKind.Unavailable },
        { new EntraPremiumRequiredException(), ProviderFailureKind.Unavailable },
        { new SourceNotFoundException("MailboxNotEnabledForRESTAPI"), null },
        { new DeltaLinkExpiredException("410 Gone"), null },
        { new AuditLogNotEnabledException("Audit logging is not enabled"), null },
        { new PermissionNotGrantedException("User.Read.All"), null },
        { new InvalidOperationException("a bug"), null },
    };

    [Theory]
    [MemberData(nameof(Exceptions))]
    public void KindFollowsTheExceptionAndOtherFailuresAreNotAnsweredGivenAnyException(Exception exception, ProviderFailureKind? kind)
    {
        Assert.Equal(kind, ProviderFailure.Of(exception, TestDatabase.Start)?.Kind);
        Assert.Equal(kind is not null, ProviderFailures.Answers(exception));
    }

    [Fact]
    public void ThrottlingIsOverAfterRetryAfterAndOnlyARevocationSaysSoInTheStatusGivenEachFailure()
    {
        var throttled = ProviderFailure.Of(new ProviderThrottledException(TimeSpan.FromSeconds(90)), TestDatabase.Start)!;
        var revoked = ProviderFailure.Of(new ConsentRevokedException("AADSTS7000229"), TestDatabase.Start)!;
        var unavailable = ProviderFailure.Of(new ProviderUnavailableException("503"), TestDatabase.Start)!;

        Assert.Equal(TestDatabase.Start.AddSeconds(90), throttled.NotBefore);
        Assert.Equal("Microsoft 365 asked WorkSights to wait 90 s.", throttled.StatusMessage);
        Assert.Equal((null, "AADSTS7000229", "Consent revoked: AADSTS7000229"), (revoked.NotBefore, revoked.Problem, revoked.StatusMessage));
        Assert.Equal((null, "503"), (unavailable.NotBefore, unavailable.StatusMessage));
    }

    [Fact]
    public async Task SyncIsParkedAndServiceThrottledUntilRetryAfterGivenThrottling()
    {
        await WorkspaceAsync();

        var failure = await ApplyForServiceAsync(new ProviderThrottledException(TimeSpan.FromMinutes(10)));

        Assert.Equal((ProviderFailureKind.Throttled, (DateTimeOffset?)Now.AddMinutes(10)), (failure.Kind, failure.NotBefore));
        Assert.Equal([Now.AddMinutes(10)], parkedUntil);
        var service = await ServiceAsync();
        Assert.Equal((Now.AddMinutes(10), Now.AddHours(1), null), (service.ThrottledUntil, service.NextSyncAt, service.LastError));
        Assert.Equal(TenantStatus.Active, (await database.TenantAsync(tenant.Id)).Status);
        Assert.Empty(await AuditedAsync());
    }

    [Fact]
    public async Task WorkspaceIsRevokedAuditedAndServiceShowsWhyWithoutParkingGivenConsentRevoked()
    {
        await WorkspaceAsync();

        var failure = await ApplyForServiceAsync(new ConsentRevokedException("AADSTS7000112: application is disabled"));

        Assert.Equal(ProviderFailureKind.ConsentRevoked, failure.Kind);
        Assert.Empty(parkedUntil);
        var workspace = await database.TenantAsync(tenant.Id);
        Assert.Equal((TenantStatus.ConsentRevoked, (DateTimeOffset?)Now), (workspace.Status, workspace.ConsentRevokedAt));
        var service = await ServiceAsync();
        Assert.Equal(("Consent revoked: AADSTS7000112: application is disabled", (DateTimeOffset?)Now, (DateTimeOffset?)null), (service.LastError, service.LastErrorAt, service.ThrottledUntil));
        Assert.Equal(["Consent revoked (found by the mailbox sync)"], await AuditedAsync());
    }

    [Fact]
    public async Task NothingIsRecordedNorSavedGivenProviderUnavailable()
    {
        await WorkspaceAsync();

        var failure = await ApplyForServiceAsync(new ProviderUnavailableException("503 from the provider"));

        Assert.Equal((ProviderFailureKind.Unavailable, "503 from the provider"), (failure.Kind, failure.Problem));
        Assert.Empty(parkedUntil);
        var service = await ServiceAsync();
        Assert.Equal((null, null, null), (service.ThrottledUntil, service.LastError, service.NextSyncAt));
        Assert.Equal(TenantStatus.Active, (await database.TenantAsync(tenant.Id)).Status);
        Assert.Empty(await AuditedAsync());
    }

    [Theory]
    [InlineData(ProviderFailureKind.Throttled)]
    [InlineData(ProviderFailureKind.ConsentRevoked)]
    [InlineData(ProviderFailureKind.Unavailable)]
    public async Task FailureIsHandedToTheSyncsOwnRecordAndSavedGivenASyncWithoutTheConnectedService(ProviderFailureKind kind)
    {
        await WorkspaceAsync();
        Exception exception = kind switch
        {
            ProviderFailureKind.Throttled => new ProviderThrottledException(TimeSpan.FromMinutes(2)),
            ProviderFailureKind.ConsentRevoked => new ConsentRevokedException("AADSTS7000229"),
            _ => new ProviderUnavailableException("503"),
        };
        var recorded = new List<ProviderFailure>();

        using (database.TenantContext.BeginScope(tenant.Id))
        {
            await using var db = database.CreateContext();
            var workspace = await db.Tenants.SingleAsync(t => t.Id == tenant.Id);
            var service = await db.ConnectedServices.SingleAsync();
            var policy = new ProviderFailures(db, database.Clock, workspace, "the directory sync");
            await policy.ApplyAsync(exception, failure => { recorded.Add(failure); service.RecordError(failure.StatusMessage, Now); }, CancellationToken.None);
        }

        var failure = Assert.Single(recorded);
        Assert.Equal(kind, failure.Kind);
        var stored = await ServiceAsync();
        Assert.Equal(failure.StatusMessage, stored.LastError);
        Assert.Null(stored.ThrottledUntil);
        Assert.Equal(kind == ProviderFailureKind.ConsentRevoked ? TenantStatus.ConsentRevoked : TenantStatus.Active, (await database.TenantAsync(tenant.Id)).Status);
        Assert.Equal(kind == ProviderFailureKind.ConsentRevoked ? ["Consent revoked (found by the directory sync)"] : [], await AuditedAsync());
    }

    [Fact]
    public async Task ApplyRefusesGivenAFailureTheSyncMustAnswerItself()
    {
        await WorkspaceAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => ApplyForServiceAsync(new DeltaLinkExpiredException("410 Gone")));

        Assert.Empty(parkedUntil);
        Assert.Null((await ServiceAsync()).NextSyncAt);
    }

    [Fact]
    public void SyncResultParksOrReportsTheProblemWithWhatWasStoredGivenEachFailure()
    {
        var until = TestDatabase.Start.AddMinutes(5);

        Assert.Equal(
            new SyncResult(SyncOutcome.Parked, 3, 0, until),
            SyncResult.After(new ProviderFailure(ProviderFailureKind.Throttled, "wait", until), stored: 3));
        Assert.Equal(
            new SyncResult(SyncOutcome.ConsentRevoked, 3, 0, Problem: "AADSTS7000229"),
            SyncResult.After(new ProviderFailure(ProviderFailureKind.ConsentRevoked, "AADSTS7000229"), stored: 3));
        Assert.Equal(
            new SyncResult(SyncOutcome.ProviderUnavailable, 0, 0, Problem: "503"),
            SyncResult.After(new ProviderFailure(ProviderFailureKind.Unavailable, "503"), stored: 0));
    }

    [Fact]
    public void DirectoryImportCountsNothingAndOnlyAThrottledOneSaysUntilWhenGivenEachFailure()
    {
        var until = TestDatabase.Start.AddMinutes(5);

        Assert.Equal(
            DirectoryImportResult.Failed(DirectoryImportOutcome.Throttled) with { NotBefore = until },
            DirectoryImportResult.Failed(new ProviderFailure(ProviderFailureKind.Throttled, "wait", until)));
        Assert.Equal(
            DirectoryImportResult.Failed(DirectoryImportOutcome.ConsentRevoked),
            DirectoryImportResult.Failed(new ProviderFailure(ProviderFailureKind.ConsentRevoked, "AADSTS7000229")));
        Assert.Equal(
            DirectoryImportResult.Failed(DirectoryImportOutcome.ProviderUnavailable),
            DirectoryImportResult.Failed(new ProviderFailure(ProviderFailureKind.Unavailable, "503")));
    }
}
