using Microsoft.AspNetCore.WebUtilities;
using WorkSights.Sandbox;

namespace WorkSights.Web.FunctionalTests.Security;

/// <summary>SECURITY.md A7: the unauthenticated consent callback activates a workspace only with a valid, single-use state bound to the signed-in admin.</summary>
public sealed class AdminConsentCallbackTests : FunctionalTest
{
    [Fact]
    public async Task CallbackWithoutStateActivatesNothing()
    {
        var admin = NewBrowser();
        await admin.SignUpAsync(SandboxTenants.Contoso.AdminEmail);
        var accepted = await admin.AcceptConsentWithoutReturningAsync();

        var (_, landed) = await admin.Browser.FollowAsync(await admin.Browser.GetAsync(Without(accepted, "state")), accepted);

        Assert.Equal("/Onboarding/Connect?outcome=rejected", landed.PathAndQuery);
        await AssertNoWorkspaceAsync(SandboxTenants.Contoso.AdminEmail);
    }

    [Fact]
    public async Task CallbackWithForgedStateActivatesNothing()
    {
        var admin = NewBrowser();
        await admin.SignUpAsync(SandboxTenants.Contoso.AdminEmail);
        var accepted = await admin.AcceptConsentWithoutReturningAsync();

        var forged = With(accepted, "state", "forged-state-value");
        var (_, landed) = await admin.Browser.FollowAsync(await admin.Browser.GetAsync(forged), forged);

        Assert.Equal("/Onboarding/Connect?outcome=rejected", landed.PathAndQuery);
        await AssertNoWorkspaceAsync(SandboxTenants.Contoso.AdminEmail);
    }

    [Fact]
    public async Task ReplayedCallbackIsRejected()
    {
        var admin = NewBrowser();
        await admin.SignUpAsync(SandboxTenants.Contoso.AdminEmail);
        var accepted = await admin.AcceptConsentWithoutReturningAsync();
        var (_, first) = await admin.Browser.FollowAsync(await admin.Browser.GetAsync(accepted), accepted);
        Assert.Equal("/Onboarding/Ready", first.AbsolutePath);

        var (_, replay) = await admin.Browser.FollowAsync(await admin.Browser.GetAsync(accepted), accepted);

        Assert.Equal("/Onboarding/Connect?outcome=rejected", replay.PathAndQuery);
    }

    [Fact]
    public async Task CallbackNamingAnotherTenantThanTheSignedInAdminsIsRejected()
    {
        var admin = NewBrowser();
        await admin.SignUpAsync(SandboxTenants.Contoso.AdminEmail);
        var accepted = await admin.AcceptConsentWithoutReturningAsync();

        var foreign = With(accepted, "tenant", SandboxTenants.Fabrikam.TenantId);
        var (_, landed) = await admin.Browser.FollowAsync(await admin.Browser.GetAsync(foreign), foreign);

        Assert.Equal("/Onboarding/Connect?outcome=rejected", landed.PathAndQuery);
        await AssertNoWorkspaceAsync(SandboxTenants.Contoso.AdminEmail);
    }

    [Fact]
    public async Task CallbackOpenedBySomeoneElseIsRejected()
    {
        var admin = NewBrowser();
        await admin.SignUpAsync(SandboxTenants.Contoso.AdminEmail);
        var accepted = await admin.AcceptConsentWithoutReturningAsync();

        var colleague = NewBrowser();
        await colleague.SignUpAsync(SandboxTenants.Contoso.MemberEmail);
        var (_, landed) = await colleague.Browser.FollowAsync(await colleague.Browser.GetAsync(accepted), accepted);

        Assert.Equal("/Onboarding/Connect?outcome=rejected", landed.PathAndQuery);
        await AssertNoWorkspaceAsync(SandboxTenants.Contoso.AdminEmail);
    }

    [Fact]
    public async Task CallbackWithoutSessionAsksToSignIn()
    {
        var admin = NewBrowser();
        await admin.SignUpAsync(SandboxTenants.Contoso.AdminEmail);
        var accepted = await admin.AcceptConsentWithoutReturningAsync();

        var stranger = NewBrowser();
        var response = await stranger.Browser.GetAsync(accepted);

        Assert.Equal("/Login", response.Headers.Location?.AbsolutePath ?? new Uri(accepted, response.Headers.Location!).AbsolutePath);
        await AssertNoWorkspaceAsync(SandboxTenants.Contoso.AdminEmail);
    }

    private async Task AssertNoWorkspaceAsync(string email)
    {
        var (_, url) = await NewBrowser().LogInAsync(email);
        Assert.Equal("/SignUp?reason=no-workspace", url.PathAndQuery);
    }

    private static Uri Without(Uri url, string parameter)
    {
        var query = QueryHelpers.ParseQuery(url.Query).Where(p => p.Key != parameter).ToDictionary(p => p.Key, p => (string?)p.Value.ToString());
        return new Uri(QueryHelpers.AddQueryString(url.GetLeftPart(UriPartial.Path), query));
    }

    private static Uri With(Uri url, string parameter, string value)
    {
        var query = QueryHelpers.ParseQuery(url.Query).ToDictionary(p => p.Key, p => (string?)p.Value.ToString());
        query[parameter] = value;
        return new Uri(QueryHelpers.AddQueryString(url.GetLeftPart(UriPartial.Path), query));
    }
}
