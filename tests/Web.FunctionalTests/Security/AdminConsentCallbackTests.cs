using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkSights.Domain.Tenants;
using WorkSights.Infrastructure.Persistence;
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
        // Consent is in effect at Microsoft, so the colleague's sign-up found it and created the workspace; the answer they
        // opened made nobody its Owner.
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        Assert.DoesNotContain(await db.People.IgnoreQueryFilters().AsNoTracking().ToListAsync(), p => p.Role == Domain.People.PersonRole.Owner || p.HasLoginAccess);
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

    /// <summary>
    /// The tampered answer activated nothing. (Consent was really given at Microsoft in these tests, so the administrator's
    /// next sign-in would rightly find it and activate the workspace: the state is read directly instead.)
    /// </summary>
    private async Task AssertNoWorkspaceAsync(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var domain = email.Split('@')[1];
        Assert.All(await db.Tenants.AsNoTracking().Where(t => t.PrimaryDomain == domain).ToListAsync(), t => Assert.Equal(TenantStatus.PendingConsent, t.Status));
        Assert.Empty(await db.People.IgnoreQueryFilters().AsNoTracking().ToListAsync());
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
