using System.Net;
using WorkSights.Domain.People;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Onboarding;

/// <summary>A Technical Admin may not see activity, so sign-in takes them to a page they may open, not the Dashboard.</summary>
public sealed class TechnicalAdminLandingTests : FunctionalTest
{
    [Fact]
    public async Task TechnicalAdminLandsOnProvisioningAfterSignIn()
    {
        var technicalAdmin = NewBrowser();
        await technicalAdmin.SignUpAsync(SandboxTenants.Contoso.MemberEmail);
        await technicalAdmin.ConsentAsync("back");
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(SandboxTenants.Contoso.AdminEmail);
        await App.ChangePersonAsync(SandboxTenants.Contoso.TenantId, SandboxTenants.Contoso.MemberEmail, p => p.AssignRole(PersonRole.TechnicalAdmin));

        var (landing, landingUrl) = await technicalAdmin.LogInAsync(SandboxTenants.Contoso.MemberEmail);

        Assert.Equal("/Settings/Users/Provisioning", landingUrl.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, landing.StatusCode);
        var home = await technicalAdmin.Browser.GetAsync(technicalAdmin.At("/"));
        Assert.Equal("/Settings/Users/Provisioning", home.Headers.Location?.OriginalString);
    }
}
