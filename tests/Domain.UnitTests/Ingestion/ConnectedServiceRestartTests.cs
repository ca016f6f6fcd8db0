using WorkSights.Domain.Ingestion;
using WorkSights.Domain.Tenants;
using static WorkSights.Domain.UnitTests.TestData;

namespace WorkSights.Domain.UnitTests.Ingestion;

/// <summary>Issue 13: what Service View may say after a restart, and when the next sync runs.</summary>
public sealed class ConnectedServiceRestartTests
{
    private static ConnectedService Running()
    {
        var service = ConnectedService.For(Guid.NewGuid(), IdentityProvider.Microsoft365);
        service.RunStarted(40, Now.AddMinutes(-3));
        service.PeopleDoneSoFar(12);
        return service;
    }

    [Fact]
    public void InterruptedRunIsOverAndTheNextIsDueAtOnce()
    {
        var service = Running();

        service.MarkInterrupted(Now);

        Assert.False(service.IsRunning);
        Assert.True(service.WasInterrupted);
        Assert.Equal(Now, service.RunInterruptedAt);
        Assert.Equal(new NextSync(NextSyncState.Now, null), service.NextSyncFor(TenantStatus.Active, Now));
    }

    [Fact]
    public void NewRunAfterAnInterruptionIsRunningAndNoLongerInterrupted()
    {
        var service = Running();
        service.MarkInterrupted(Now);

        service.RunStarted(40, Now.AddSeconds(5));

        Assert.True(service.IsRunning);
        Assert.False(service.WasInterrupted);
    }

    [Fact]
    public void MarkInterruptedChangesNothingGivenNoRunUnderWay()
    {
        var service = ConnectedService.For(Guid.NewGuid(), IdentityProvider.Microsoft365);
        service.RunStarted(1, Now.AddMinutes(-5));
        service.RunCompleted(Now.AddMinutes(-4), Now.AddMinutes(11));

        service.MarkInterrupted(Now);

        Assert.Null(service.RunInterruptedAt);
        Assert.Equal(new NextSync(NextSyncState.Scheduled, Now.AddMinutes(11)), service.NextSyncFor(TenantStatus.Active, Now));
    }

    [Fact]
    public void NextSyncIsNeverInThePast()
    {
        var service = ConnectedService.For(Guid.NewGuid(), IdentityProvider.Microsoft365);
        service.ScheduleNextSync(Now.AddHours(-3));

        Assert.Equal(new NextSync(NextSyncState.Now, null), service.NextSyncFor(TenantStatus.Active, Now));
    }

    [Fact]
    public void NextSyncSaysWhyNothingRunsGivenRevokedConsentOrDisconnection()
    {
        var service = ConnectedService.For(Guid.NewGuid(), IdentityProvider.Microsoft365);
        service.ScheduleNextSync(Now.AddMinutes(-30));

        var revoked = service.NextSyncFor(TenantStatus.ConsentRevoked, Now);
        service.Disconnect();
        var disconnected = service.NextSyncFor(TenantStatus.Active, Now);

        Assert.Equal(new NextSync(NextSyncState.PausedConsentRevoked, null), revoked);
        Assert.Equal(new NextSync(NextSyncState.PausedDisconnected, null), disconnected);
    }

    [Fact]
    public void NextSyncWaitsForTheEndOfAThrottlingPauseAndForARunUnderWay()
    {
        var service = ConnectedService.For(Guid.NewGuid(), IdentityProvider.Microsoft365);
        service.ScheduleNextSync(Now.AddMinutes(1));
        service.Throttled(Now.AddMinutes(5));

        var throttled = service.NextSyncFor(TenantStatus.Active, Now);
        service.RunStarted(3, Now);

        Assert.Equal(new NextSync(NextSyncState.Scheduled, Now.AddMinutes(5)), throttled);
        Assert.Equal(NextSyncState.AfterCurrentRun, service.NextSyncFor(TenantStatus.Active, Now).State);
    }
}
