using WorkSights.Domain.Common;
using WorkSights.Domain.Ingestion;
using WorkSights.Domain.Tenants;
using static WorkSights.Domain.UnitTests.TestData;

namespace WorkSights.Domain.UnitTests.Ingestion;

public sealed class ConnectedServiceTests
{
    private static ConnectedService NewService() => ConnectedService.For(Guid.NewGuid(), IdentityProvider.Microsoft365);

    [Fact]
    public void ForKeepsWorkspaceAndProviderAndStartsConnectedWithEveryFeatureOn()
    {
        var tenantId = Guid.NewGuid();

        var service = ConnectedService.For(tenantId, IdentityProvider.Microsoft365);

        Assert.NotEqual(Guid.Empty, service.Id);
        Assert.Equal(tenantId, service.TenantId);
        Assert.Equal(IdentityProvider.Microsoft365, service.Provider);
        Assert.False(service.IsDisconnected);
        Assert.False(service.IsRunning);
        Assert.Equal(Enum.GetValues<ServiceFeature>(), service.EnabledFeatures);
    }

    [Fact]
    public void ForThrowsGivenEmptyWorkspace()
    {
        Assert.Throws<DomainRuleViolationException>(() => ConnectedService.For(Guid.Empty, IdentityProvider.Microsoft365));
    }

    [Theory]
    [InlineData(ServiceFeature.Email)]
    [InlineData(ServiceFeature.Calendar)]
    [InlineData(ServiceFeature.Calls)]
    [InlineData(ServiceFeature.Chat)]
    [InlineData(ServiceFeature.Files)]
    [InlineData(ServiceFeature.Logins)]
    public void SetFeatureOffDisablesOnlyThatFeature(ServiceFeature feature)
    {
        var service = NewService();

        service.SetFeature(feature, enabled: false);

        Assert.False(service.IsEnabled(feature));
        Assert.Equal(Enum.GetValues<ServiceFeature>().Where(f => f != feature), service.EnabledFeatures);
    }

    [Fact]
    public void SetFeatureOnAgainEnablesItAndLeavesOthersAlone()
    {
        var service = NewService();
        service.SetFeature(ServiceFeature.Email, enabled: false);
        service.SetFeature(ServiceFeature.Chat, enabled: false);

        service.SetFeature(ServiceFeature.Email, enabled: true);

        Assert.True(service.IsEnabled(ServiceFeature.Email));
        Assert.False(service.IsEnabled(ServiceFeature.Chat));
    }

    [Fact]
    public void SetFeatureTwiceToTheSameValueIsIdempotent()
    {
        var service = NewService();

        service.SetFeature(ServiceFeature.Calendar, enabled: false);
        service.SetFeature(ServiceFeature.Calendar, enabled: false);
        service.SetFeature(ServiceFeature.Files, enabled: true);

        Assert.False(service.IsEnabled(ServiceFeature.Calendar));
        Assert.True(service.IsEnabled(ServiceFeature.Files));
        Assert.Equal(6, service.EnabledFeatures.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    [InlineData(-1)]
    public void SetFeatureThrowsGivenUnknownFeature(int value)
    {
        var service = NewService();

        Assert.Throws<DomainRuleViolationException>(() => service.SetFeature((ServiceFeature)value, enabled: false));
        Assert.Equal(7, service.EnabledFeatures.Count);
    }

    [Fact]
    public void IsEnabledThrowsGivenUnknownFeature()
    {
        Assert.Throws<DomainRuleViolationException>(() => NewService().IsEnabled((ServiceFeature)42));
    }

    [Fact]
    public void DisconnectStopsSchedulingAndReconnectSchedulesASyncNow()
    {
        var service = NewService();
        service.ScheduleNextSync(Now.AddHours(1));

        service.Disconnect();

        Assert.True(service.IsDisconnected);
        Assert.Null(service.NextSyncAt);

        service.Reconnect(Now);

        Assert.False(service.IsDisconnected);
        Assert.Equal(Now, service.NextSyncAt);
    }

    [Fact]
    public void ReconnectThrowsGivenNonUtcTime()
    {
        var service = NewService();
        service.Disconnect();

        Assert.Throws<DomainRuleViolationException>(() => service.Reconnect(NotUtc));
    }

    [Fact]
    public void RunStartedResetsProgressAndMarksRunning()
    {
        var service = NewService();
        service.RunStarted(2, Now);
        service.PersonDone();

        service.RunStarted(5, Now.AddMinutes(10));

        Assert.True(service.IsRunning);
        Assert.Equal(Now.AddMinutes(10), service.RunStartedAt);
        Assert.Equal(5, service.PeopleInRun);
        Assert.Equal(0, service.PeopleDone);
    }

    [Fact]
    public void RunStartedTreatsNegativePeopleAsNone()
    {
        var service = NewService();

        service.RunStarted(-3, Now);

        Assert.Equal(0, service.PeopleInRun);
    }

    [Fact]
    public void RunStartedThrowsGivenNonUtcTime()
    {
        Assert.Throws<DomainRuleViolationException>(() => NewService().RunStarted(1, NotUtc));
    }

    [Fact]
    public void PersonDoneNeverExceedsPeopleInRun()
    {
        var service = NewService();
        service.RunStarted(2, Now);

        service.PersonDone();
        Assert.Equal(1, service.PeopleDone);
        service.PersonDone();
        service.PersonDone();

        Assert.Equal(2, service.PeopleDone);
    }

    [Fact]
    public void PersonDoneStaysAtZeroGivenNoPeople()
    {
        var service = NewService();
        service.RunStarted(0, Now);

        service.PersonDone();

        Assert.Equal(0, service.PeopleDone);
    }

    [Fact]
    public void RunCompletedFillsProgressSchedulesNextSyncAndStopsRunning()
    {
        var service = NewService();
        service.RunStarted(4, Now);
        service.PersonDone();

        service.RunCompleted(Now.AddMinutes(3), Now.AddMinutes(33));

        Assert.False(service.IsRunning);
        Assert.Equal(Now.AddMinutes(3), service.RunCompletedAt);
        Assert.Equal(Now.AddMinutes(33), service.NextSyncAt);
        Assert.Equal(4, service.PeopleDone);
    }

    [Fact]
    public void NextSyncIsAfterTheCurrentRunWhileAFirstRunIsUnderWay()
    {
        var service = NewService();
        service.RunStarted(4, Now);

        Assert.Equal(new NextSync(NextSyncState.AfterCurrentRun, null), service.NextSyncFor(TenantStatus.Active, Now));
    }

    [Fact]
    public void RunCompletedThrowsGivenNonUtcTimes()
    {
        var service = NewService();
        service.RunStarted(1, Now);

        Assert.Throws<DomainRuleViolationException>(() => service.RunCompleted(NotUtc, Now.AddHours(1)));
        Assert.Throws<DomainRuleViolationException>(() => service.RunCompleted(Now, NotUtc));
    }

    [Fact]
    public void IsRunningAgainWhenANewRunStartsAfterTheLastCompleted()
    {
        var service = NewService();
        service.RunStarted(1, Now);
        service.RunCompleted(Now.AddMinutes(1), Now.AddMinutes(30));

        service.RunStarted(1, Now.AddMinutes(30));

        Assert.True(service.IsRunning);
    }

    [Fact]
    public void ThrottledKeepsTheLaterTime()
    {
        var service = NewService();

        service.Throttled(Now.AddMinutes(5));
        service.Throttled(Now.AddMinutes(2));

        Assert.Equal(Now.AddMinutes(5), service.ThrottledUntil);

        service.Throttled(Now.AddMinutes(9));

        Assert.Equal(Now.AddMinutes(9), service.ThrottledUntil);
    }

    [Fact]
    public void ThrottledThrowsGivenNonUtcTime()
    {
        Assert.Throws<DomainRuleViolationException>(() => NewService().Throttled(NotUtc));
    }

    [Fact]
    public void RecordErrorKeepsTrimmedMessageAndTime()
    {
        var service = NewService();

        service.RecordError("  Mailbox read failed  ", Now);

        Assert.Equal("Mailbox read failed", service.LastError);
        Assert.Equal(Now, service.LastErrorAt);
    }

    [Fact]
    public void RecordErrorThrowsGivenBlankMessage()
    {
        Assert.Throws<DomainRuleViolationException>(() => NewService().RecordError(" ", Now));
    }

    [Fact]
    public void ScheduleNextSyncThrowsGivenNonUtcTime()
    {
        Assert.Throws<DomainRuleViolationException>(() => NewService().ScheduleNextSync(NotUtc));
    }

    [Fact]
    public void StatusIsAuditLogNotEnabledWhileTheAuditLogIsOffAndNothingElseMatters()
    {
        var service = NewService();
        service.RunStarted(3, Now);
        service.RunCompleted(Now, Now.AddMinutes(15));

        service.AuditLogUnavailable(Now);

        Assert.Equal(ConnectionStatus.AuditLogNotEnabled, service.StatusAt(TenantStatus.Active, Now.AddMinutes(1)));
        Assert.Equal(ConnectionStatus.Syncing, service.StatusAt(TenantStatus.Active, Now.AddMinutes(15)));
        Assert.Equal(ConnectionStatus.ConsentRevoked, service.StatusAt(TenantStatus.ConsentRevoked, Now.AddMinutes(1)));
    }

    [Fact]
    public void AuditLogOffKeepsItsFirstTimeAndClearsWhenAvailable()
    {
        var service = NewService();

        service.AuditLogUnavailable(Now);
        service.AuditLogUnavailable(Now.AddHours(1));
        Assert.Equal(Now, service.AuditLogOffSince);

        service.AuditLogAvailable();

        Assert.False(service.IsAuditLogOff);
        Assert.Equal(ConnectionStatus.Connected, service.StatusAt(TenantStatus.Active, Now));
    }

    [Fact]
    public void StatusIsConnectedGivenNothingHappened()
    {
        Assert.Equal(ConnectionStatus.Connected, NewService().StatusAt(TenantStatus.Active, Now));
    }

    [Fact]
    public void StatusIsConsentRevokedAboveEverythingElse()
    {
        var service = EverythingAtOnce();

        Assert.Equal(ConnectionStatus.ConsentRevoked, service.StatusAt(TenantStatus.ConsentRevoked, Now));
    }

    [Fact]
    public void StatusIsDisconnectedAboveThrottledSyncingAndError()
    {
        var service = EverythingAtOnce();

        Assert.Equal(ConnectionStatus.Disconnected, service.StatusAt(TenantStatus.Active, Now));
    }

    [Fact]
    public void StatusIsThrottledAboveSyncingAndError()
    {
        var service = EverythingAtOnce();
        service.Reconnect(Now);

        Assert.Equal(ConnectionStatus.Throttled, service.StatusAt(TenantStatus.Active, Now));
    }

    [Fact]
    public void StatusIsSyncingOnceTheThrottleHasPassedWhileRunning()
    {
        var service = EverythingAtOnce();
        service.Reconnect(Now);

        Assert.Equal(ConnectionStatus.Syncing, service.StatusAt(TenantStatus.Active, Now.AddMinutes(10)));
    }

    [Fact]
    public void StatusIsSyncingGivenADueNextSync()
    {
        var service = NewService();
        service.ScheduleNextSync(Now);

        Assert.Equal(ConnectionStatus.Syncing, service.StatusAt(TenantStatus.Active, Now));
    }

    [Fact]
    public void StatusIsConnectedGivenNextSyncInTheFuture()
    {
        var service = NewService();
        service.ScheduleNextSync(Now.AddSeconds(1));

        Assert.Equal(ConnectionStatus.Connected, service.StatusAt(TenantStatus.Active, Now));
    }

    [Fact]
    public void StatusIsSyncingAboveAnError()
    {
        var service = NewService();
        service.RecordError("Mailbox read failed", Now.AddMinutes(-1));
        service.RunStarted(3, Now);

        Assert.Equal(ConnectionStatus.Syncing, service.StatusAt(TenantStatus.Active, Now.AddMinutes(1)));
    }

    [Fact]
    public void StatusIsErrorGivenErrorAndNoCompletedRun()
    {
        var service = NewService();
        service.RecordError("Mailbox read failed", Now);

        Assert.Equal(ConnectionStatus.Error, service.StatusAt(TenantStatus.Active, Now.AddMinutes(1)));
    }

    [Fact]
    public void StatusIsErrorGivenErrorAfterTheLastCompletedRun()
    {
        var service = NewService();
        service.RunStarted(1, Now);
        service.RunCompleted(Now.AddMinutes(1), Now.AddHours(1));
        service.RecordError("Directory read failed", Now.AddMinutes(2));

        Assert.Equal(ConnectionStatus.Error, service.StatusAt(TenantStatus.Active, Now.AddMinutes(3)));
    }

    [Fact]
    public void StatusIsErrorGivenRunCompletedWithAProblemAtTheSameInstant()
    {
        var service = NewService();
        service.RunStarted(1, Now);
        service.RecordError("1 mailbox reads failed", Now.AddMinutes(1));
        service.RunCompleted(Now.AddMinutes(1), Now.AddHours(1));

        Assert.Equal(ConnectionStatus.Error, service.StatusAt(TenantStatus.Active, Now.AddMinutes(2)));
    }

    [Fact]
    public void StatusIsConnectedGivenALaterRunCompletedWithoutError()
    {
        var service = NewService();
        service.RecordError("Mailbox read failed", Now);
        service.RunStarted(1, Now.AddMinutes(30));
        service.RunCompleted(Now.AddMinutes(31), Now.AddHours(1));

        Assert.Equal(ConnectionStatus.Connected, service.StatusAt(TenantStatus.Active, Now.AddMinutes(32)));
    }

    [Fact]
    public void StatusIsConnectedAfterTheThrottleHasPassed()
    {
        var service = NewService();
        service.Throttled(Now.AddMinutes(1));

        Assert.Equal(ConnectionStatus.Throttled, service.StatusAt(TenantStatus.Active, Now));
        Assert.Equal(ConnectionStatus.Connected, service.StatusAt(TenantStatus.Active, Now.AddMinutes(1)));
    }

    /// <summary>Disconnected, throttled for five minutes, running and with an unresolved error.</summary>
    private static ConnectedService EverythingAtOnce()
    {
        var service = NewService();
        service.RecordError("Mailbox read failed", Now.AddMinutes(-2));
        service.RunStarted(3, Now.AddMinutes(-1));
        service.Throttled(Now.AddMinutes(5));
        service.Disconnect();
        return service;
    }
}
