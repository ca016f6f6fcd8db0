using WorkSights.Domain.Common;
using WorkSights.Domain.Tenants;
using static WorkSights.Domain.UnitTests.TestData;

namespace WorkSights.Domain.UnitTests.Tenants;

public sealed class TenantTests
{
    private static Tenant NewTenant() =>
        Tenant.StartSignUp(IdentityProvider.Microsoft365, "AAAA-Tenant", "Contoso.COM", Now);

    private static CompanyDetails Details() =>
        new("Contoso Ltd", "Manufacturing", CompanySize.From51To200, "gb", "Europe/London", WorkSchedule.StandardWeek, 80);

    [Fact]
    public void StartSignUpCreatesPendingConsentWorkspaceNamedAfterLowercasedDomain()
    {
        var tenant = NewTenant();

        Assert.Equal(TenantStatus.PendingConsent, tenant.Status);
        Assert.Equal("contoso.com", tenant.PrimaryDomain);
        Assert.Equal("contoso.com", tenant.Name);
        Assert.Equal("aaaa-tenant", tenant.ExternalTenantId);
        Assert.Equal(Now, tenant.CreatedAt);
        Assert.NotEqual(Guid.Empty, tenant.Id);
        Assert.False(tenant.IsSetupComplete);
        Assert.Null(tenant.Details);
    }

    [Fact]
    public void StartSignUpThrowsGivenNonUtcTime()
    {
        Assert.Throws<DomainRuleViolationException>(() =>
            Tenant.StartSignUp(IdentityProvider.Microsoft365, "t", "contoso.com", NotUtc));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void StartSignUpThrowsGivenMissingDomain(string domain)
    {
        Assert.Throws<DomainRuleViolationException>(() =>
            Tenant.StartSignUp(IdentityProvider.Microsoft365, "t", domain, Now));
    }

    [Fact]
    public void StartSignUpThrowsGivenMissingExternalTenantId()
    {
        Assert.Throws<DomainRuleViolationException>(() =>
            Tenant.StartSignUp(IdentityProvider.Microsoft365, " ", "contoso.com", Now));
    }

    [Fact]
    public void GrantConsentMakesPendingWorkspaceActive()
    {
        var tenant = NewTenant();

        tenant.GrantConsent(Now.AddMinutes(5));

        Assert.Equal(TenantStatus.Active, tenant.Status);
        Assert.Equal(Now.AddMinutes(5), tenant.ConsentGrantedAt);
        Assert.Null(tenant.ConsentRevokedAt);
    }

    [Fact]
    public void GrantConsentThrowsGivenNonUtcTime()
    {
        var tenant = NewTenant();

        Assert.Throws<DomainRuleViolationException>(() => tenant.GrantConsent(NotUtc));
    }

    [Fact]
    public void DeleteClosesTheWorkspaceForGoodAndRecordsWhen()
    {
        var tenant = NewTenant();
        tenant.GrantConsent(Now);

        tenant.Delete(Now.AddDays(1));

        Assert.Equal((TenantStatus.Deleted, Now.AddDays(1)), (tenant.Status, tenant.DeletedAt));
        Assert.Throws<DomainRuleViolationException>(() => tenant.Delete(Now.AddDays(2)));
        Assert.Throws<DomainRuleViolationException>(() => tenant.GrantConsent(Now.AddDays(2)));
        Assert.Throws<DomainRuleViolationException>(() => tenant.RevokeConsent(Now.AddDays(2)));
        Assert.Throws<DomainRuleViolationException>(() => NewTenant().Delete(NotUtc));
    }

    [Fact]
    public void RevokeConsentMakesActiveWorkspaceConsentRevoked()
    {
        var tenant = NewTenant();
        tenant.GrantConsent(Now);

        tenant.RevokeConsent(Now.AddDays(1));

        Assert.Equal(TenantStatus.ConsentRevoked, tenant.Status);
        Assert.Equal(Now.AddDays(1), tenant.ConsentRevokedAt);
    }

    [Fact]
    public void GrantConsentReactivatesRevokedWorkspaceAndClearsRevocation()
    {
        var tenant = NewTenant();
        tenant.GrantConsent(Now);
        tenant.RevokeConsent(Now.AddDays(1));

        tenant.GrantConsent(Now.AddDays(2));

        Assert.Equal(TenantStatus.Active, tenant.Status);
        Assert.Equal(Now.AddDays(2), tenant.ConsentGrantedAt);
        Assert.Null(tenant.ConsentRevokedAt);
    }

    [Fact]
    public void RevokeConsentThrowsGivenPendingWorkspace()
    {
        var tenant = NewTenant();

        Assert.Throws<DomainRuleViolationException>(() => tenant.RevokeConsent(Now));
        Assert.Equal(TenantStatus.PendingConsent, tenant.Status);
    }

    [Fact]
    public void RevokeConsentThrowsGivenAlreadyRevokedWorkspace()
    {
        var tenant = NewTenant();
        tenant.GrantConsent(Now);
        tenant.RevokeConsent(Now);

        Assert.Throws<DomainRuleViolationException>(() => tenant.RevokeConsent(Now.AddHours(1)));
        Assert.Equal(Now, tenant.ConsentRevokedAt);
    }

    [Fact]
    public void RevokeConsentThrowsGivenNonUtcTime()
    {
        var tenant = NewTenant();
        tenant.GrantConsent(Now);

        Assert.Throws<DomainRuleViolationException>(() => tenant.RevokeConsent(NotUtc));
    }

    [Fact]
    public void CompleteAccountSetupThrowsGivenPendingConsent()
    {
        var tenant = NewTenant();

        Assert.Throws<DomainRuleViolationException>(() => tenant.CompleteAccountSetup(Details(), "contoso.com", Now));
        Assert.False(tenant.IsSetupComplete);
    }

    [Fact]
    public void CompleteAccountSetupStoresDetailsGivenActiveWorkspace()
    {
        var tenant = NewTenant();
        tenant.GrantConsent(Now);
        var schedule = new WorkSchedule([DayOfWeek.Tuesday, DayOfWeek.Monday], new TimeOnly(8, 0), new TimeOnly(16, 30));
        var details = new CompanyDetails("Contoso Ltd", "Manufacturing", CompanySize.Over5000, "de", "Europe/Berlin", schedule, 90);

        tenant.CompleteAccountSetup(details, "Contoso.DE", Now.AddHours(1));

        Assert.True(tenant.IsSetupComplete);
        Assert.Equal(Now.AddHours(1), tenant.SetupCompletedAt);
        Assert.Equal("Contoso Ltd", tenant.Name);
        Assert.Equal("contoso.de", tenant.PrimaryDomain);
        var stored = tenant.Details;
        Assert.NotNull(stored);
        Assert.Equal("DE", stored.CountryCode);
        Assert.Equal(CompanySize.Over5000, stored.Size);
        Assert.Equal(90, stored.DefaultTargetPercent);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday], stored.DefaultSchedule.WorkDays);
        Assert.Equal(new TimeOnly(8, 0), stored.DefaultSchedule.Start);
        Assert.Equal(new TimeOnly(16, 30), stored.DefaultSchedule.End);
    }

    [Fact]
    public void CompleteAccountSetupKeepsFirstCompletionTimeGivenSecondSave()
    {
        var tenant = NewTenant();
        tenant.GrantConsent(Now);
        tenant.CompleteAccountSetup(Details(), "contoso.com", Now.AddHours(1));

        tenant.CompleteAccountSetup(Details() with { }, "contoso.com", Now.AddHours(2));

        Assert.Equal(Now.AddHours(1), tenant.SetupCompletedAt);
    }

    [Fact]
    public void CompleteAccountSetupIsAllowedGivenRevokedConsent()
    {
        var tenant = NewTenant();
        tenant.GrantConsent(Now);
        tenant.RevokeConsent(Now);

        tenant.CompleteAccountSetup(Details(), "contoso.com", Now);

        Assert.True(tenant.IsSetupComplete);
    }

    [Fact]
    public void CompleteAccountSetupThrowsGivenNonUtcTime()
    {
        var tenant = NewTenant();
        tenant.GrantConsent(Now);

        Assert.Throws<DomainRuleViolationException>(() => tenant.CompleteAccountSetup(Details(), "contoso.com", NotUtc));
    }
}
