using System.Net;
using WorkSights.Sandbox;

namespace WorkSights.Web.FunctionalTests.Onboarding;

public sealed class SignUpTests : FunctionalTest
{
    [Fact]
    public async Task AdminSignUpCreatesActiveWorkspaceWithImportedPeople()
    {
        var browser = NewBrowser();

        var (afterSignIn, signInUrl) = await browser.SignUpAsync(SandboxTenants.Contoso.AdminEmail);
        Assert.Equal("/Onboarding/Connect", signInUrl.PathAndQuery);
        Assert.Contains(SandboxTenants.Contoso.PrimaryDomain, await afterSignIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var (ready, readyUrl) = await browser.ConsentAsync("accept");
        Assert.Equal("/Onboarding/Ready", readyUrl.AbsolutePath);
        Assert.Contains("Your workspace is ready", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var workspace = await ReadJsonAsync<WorkspaceResponse>(await browser.Browser.GetAsync(browser.At("/api/v1/workspace")));
        Assert.Equal("Active", workspace.Status);
        Assert.Equal("contoso.com", workspace.PrimaryDomain);
        var nonGuests = App.Sandbox.Directory.GetUsers(SandboxTenants.Contoso.TenantId).Count(u => u.UserType != "Guest" && u.MailboxPurpose == "user");
        Assert.Equal(nonGuests, workspace.PeopleCount);

        var people = await ReadJsonAsync<PeoplePage>(await browser.Browser.GetAsync(browser.At("/api/v1/people?search=admin%40contoso.com")));
        var owner = Assert.Single(people.Items);
        Assert.Equal(("Owner", true, "AlreadyLinked"), (owner.Role, owner.HasLoginAccess, owner.ProvisioningState));
    }

    [Fact]
    public async Task NonAdminIsToldAnAdministratorMustFinishAndGetsInOnceAnAdminConsents()
    {
        var member = NewBrowser();
        await member.SignUpAsync(SandboxTenants.Contoso.MemberEmail);
        var (notAdmin, notAdminUrl) = await member.ConsentAsync("back");
        var html = await notAdmin.Content.ReadAsStringAsync();
        Assert.Equal("/Onboarding/AdminRequired", notAdminUrl.AbsolutePath);
        Assert.Contains("An administrator must finish the set-up", html, StringComparison.Ordinal);
        Assert.Contains("/SignUp", html, StringComparison.Ordinal);

        var (beforeConsent, beforeUrl) = await NewBrowser().LogInAsync(SandboxTenants.Contoso.MemberEmail);
        Assert.Equal("/SignUp?reason=no-workspace", beforeUrl.PathAndQuery);

        var admin = NewBrowser();
        var (_, readyUrl) = await admin.SignUpAndConsentAsync(SandboxTenants.Contoso.AdminEmail);
        Assert.Equal("/Onboarding/Ready", readyUrl.AbsolutePath);

        var (home, homeUrl) = await NewBrowser().LogInAsync(SandboxTenants.Contoso.MemberEmail);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("/Dashboard", homeUrl.AbsolutePath);
        Assert.Contains("Member", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrganisationWhereNobodyCanConsentStaysPending()
    {
        var itLead = NewBrowser();
        await itLead.SignUpAsync(SandboxTenants.Northwind.AdminEmail);
        var (_, url) = await itLead.ConsentAsync("back");

        Assert.Equal("/Onboarding/AdminRequired", url.AbsolutePath);
        var (_, loginUrl) = await NewBrowser().LogInAsync(SandboxTenants.Northwind.AdminEmail);
        Assert.Equal("/SignUp?reason=no-workspace", loginUrl.PathAndQuery);
    }

    [Fact]
    public async Task DeclinedConsentCreatesNoWorkspaceAndOffersToTryAgain()
    {
        var admin = NewBrowser();
        await admin.SignUpAsync(SandboxTenants.Contoso.AdminEmail);
        var (declined, url) = await admin.ConsentAsync("cancel");

        Assert.Equal("/Onboarding/Connect?outcome=declined", url.PathAndQuery);
        Assert.Contains("not accepted", await declined.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var (_, loginUrl) = await NewBrowser().LogInAsync(SandboxTenants.Contoso.AdminEmail);
        Assert.Equal("/SignUp?reason=no-workspace", loginUrl.PathAndQuery);

        var (_, retryUrl) = await admin.ConsentAsync("accept");
        Assert.Equal("/Onboarding/Ready", retryUrl.AbsolutePath);
    }

    [Fact]
    public async Task ReturningOwnerSignsInToTheDashboard()
    {
        await NewBrowser().SignUpAndConsentAsync(SandboxTenants.Fabrikam.AdminEmail);

        var (dashboard, url) = await NewBrowser().LogInAsync(SandboxTenants.Fabrikam.AdminEmail);

        Assert.Equal("/Dashboard", url.AbsolutePath);
        Assert.Contains("Owner", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
