using WorkSights.Domain.Common;
using WorkSights.Domain.Tenants;
using static WorkSights.Domain.UnitTests.TestData;

namespace WorkSights.Domain.UnitTests.Tenants;

/// <summary>Issue 13: a revoked consent is asked about again on a schedule and recovers by itself.</summary>
public sealed class TenantConsentRecheckTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private static Tenant Revoked()
    {
        var tenant = Tenant.StartSignUp(IdentityProvider.Microsoft365, "tenant", "contoso.com", Now.AddDays(-2));
        tenant.GrantConsent(Now.AddDays(-2));
        tenant.RevokeConsent(Now.AddMinutes(-90));
        return tenant;
    }

    [Fact]
    public void FirstCheckIsAnIntervalAfterTheRevocationAndEachNextAnIntervalAfterTheLast()
    {
        var tenant = Revoked();
        var first = tenant.NextConsentCheckAt(Hour);

        tenant.ConsentStillRevoked(Now);

        Assert.Equal(Now.AddMinutes(-30), first);
        Assert.Equal(Now.AddHours(1), tenant.NextConsentCheckAt(Hour));
    }

    [Fact]
    public void RecoveredConsentIsActiveAndSaysItRecoveredByItself()
    {
        var tenant = Revoked();

        tenant.RecoverConsent(Now);

        Assert.Equal(TenantStatus.Active, tenant.Status);
        Assert.Equal(Now, tenant.ConsentRecoveredAt);
        Assert.Null(tenant.ConsentRevokedAt);
        Assert.Null(tenant.NextConsentCheckAt(Hour));
    }

    [Fact]
    public void ConsentGrantedThroughWorkSightsOrRevokedAgainForgetsTheRecovery()
    {
        var reconnected = Revoked();
        reconnected.RecoverConsent(Now);
        var revokedAgain = Revoked();
        revokedAgain.RecoverConsent(Now);

        reconnected.GrantConsent(Now.AddMinutes(5));
        revokedAgain.RevokeConsent(Now.AddMinutes(5));

        Assert.Null(reconnected.ConsentRecoveredAt);
        Assert.Null(revokedAgain.ConsentRecoveredAt);
        Assert.Null(revokedAgain.ConsentCheckedAt);
    }

    [Fact]
    public void RecoverConsentThrowsGivenConsentInEffect()
    {
        var tenant = Revoked();
        tenant.GrantConsent(Now);

        Assert.Throws<DomainRuleViolationException>(() => tenant.RecoverConsent(Now));
    }
}
