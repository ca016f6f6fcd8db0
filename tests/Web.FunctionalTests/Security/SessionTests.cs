using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.People;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;
using WebSchemes = WorkSights.Web.Authentication.AuthenticationSchemes;

namespace WorkSights.Web.FunctionalTests.Security;

/// <summary>Sessions end on the server: sign-out, a new sign-in, and what happens to the person in their workspace.</summary>
public sealed class SessionTests : FunctionalTest
{
    private static readonly SandboxTenantInfo Fabrikam = SandboxTenants.Fabrikam;

    [Fact]
    public async Task SavedCookieIsSignedOutGivenLogout()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var saved = SessionCookie(owner) ?? throw new InvalidOperationException("No session cookie after sign-up.");
        Assert.Equal(HttpStatusCode.OK, (await owner.Browser.GetAsync(owner.At("/api/v1/workspace"))).StatusCode);

        var logoutPage = await owner.Browser.GetAsync(owner.At("/Logout"));
        await owner.Browser.SubmitFormAsync(await logoutPage.Content.ReadAsStringAsync(), owner.At("/Logout"));
        Assert.Null(SessionCookie(owner));

        var replay = Replaying(saved);
        await AssertSignedOutAsync(replay);
    }

    [Fact]
    public async Task CookieChangesAndTheSignUpSessionEndsGivenSignInToTheWorkspace()
    {
        var member = NewBrowser();
        await member.SignUpAsync(Fabrikam.MemberEmail);
        await member.ConsentAsync("back");
        var signUpCookie = SessionCookie(member);
        Assert.NotNull(signUpCookie);
        await NewBrowser().SignUpAndConsentAsync(Fabrikam.AdminEmail);

        var (dashboard, url) = await member.LogInAsync(Fabrikam.MemberEmail);

        Assert.Equal(("/Dashboard", HttpStatusCode.OK), (url.AbsolutePath, dashboard.StatusCode));
        Assert.NotEqual(signUpCookie, SessionCookie(member));
        var replay = Replaying(signUpCookie!);
        var onboarding = await replay.Browser.GetAsync(replay.At("/Onboarding/Connect"));
        Assert.Equal(HttpStatusCode.Redirect, onboarding.StatusCode);
        Assert.Equal("/Login", onboarding.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task SignedOutOnTheNextRequestGivenRemovalFromTheDirectory()
    {
        var (owner, member) = await OwnerAndSignedInMemberAsync();
        var leaver = App.Sandbox.Directory.GetUsers(Fabrikam.TenantId).Single(u => string.Equals(u.Mail, Fabrikam.MemberEmail, StringComparison.OrdinalIgnoreCase));
        App.Sandbox.Directory.RemoveUser(Fabrikam.TenantId, leaver.Id);

        var page = await owner.Browser.GetAsync(owner.At("/Settings/Services"));
        var (synced, _) = await owner.Browser.SubmitFormAsync(await page.Content.ReadAsStringAsync(), owner.At("/Settings/Services"), "sync-now-form");
        Assert.Contains("The directory is up to date", await synced.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await AssertSignedOutAsync(member);
        Assert.Equal(HttpStatusCode.OK, (await owner.Browser.GetAsync(owner.At("/api/v1/workspace"))).StatusCode);
    }

    [Fact]
    public async Task SignedOutOnTheNextRequestGivenLoginAccessRemoved()
    {
        var (_, member) = await OwnerAndSignedInMemberAsync();

        await ChangePersonAsync(Fabrikam.MemberEmail, p => p.RevokeLoginAccess());

        await AssertSignedOutAsync(member);
    }

    [Fact]
    public async Task SignedOutOnTheNextRequestGivenProvisioningBlocked()
    {
        var (_, member) = await OwnerAndSignedInMemberAsync();

        await ChangePersonAsync(Fabrikam.MemberEmail, p => p.ChangeProvisioningState(ProvisioningState.Blocked));

        await AssertSignedOutAsync(member);
    }

    [Fact]
    public async Task NewRoleAppliesOnTheNextRequestWithoutSigningOutGivenRoleChange()
    {
        var (_, member) = await OwnerAndSignedInMemberAsync();
        var before = await member.Browser.GetAsync(member.At("/Overviews/Executive"));
        Assert.Contains("403", before.Headers.Location?.ToString() ?? ((int)before.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        await ChangePersonAsync(Fabrikam.MemberEmail, p => p.AssignRole(PersonRole.Executive));

        Assert.Equal(HttpStatusCode.OK, (await member.Browser.GetAsync(member.At("/Overviews/Executive"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.Browser.GetAsync(member.At("/Overviews/Executive"))).StatusCode);

        await ChangePersonAsync(Fabrikam.MemberEmail, p => p.AssignRole(PersonRole.TechnicalAdmin));

        Assert.Equal(HttpStatusCode.OK, (await member.Browser.GetAsync(member.At("/api/v1/people"))).StatusCode);
        var executive = await member.Browser.GetAsync(member.At("/Overviews/Executive"));
        Assert.Equal(HttpStatusCode.Redirect, executive.StatusCode);
        Assert.Contains("403", executive.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    private async Task<(SignUpJourney Owner, SignUpJourney Member)> OwnerAndSignedInMemberAsync()
    {
        var member = NewBrowser();
        await member.SignUpAsync(Fabrikam.MemberEmail);
        await member.ConsentAsync("back");
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var (_, url) = await member.LogInAsync(Fabrikam.MemberEmail);
        Assert.Equal("/Dashboard", url.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await member.Browser.GetAsync(member.At("/api/v1/workspace"))).StatusCode);
        return (owner, member);
    }

    private Task ChangePersonAsync(string email, Action<Person> change) => App.ChangePersonAsync(Fabrikam.TenantId, email, change);

    private string? SessionCookie(SignUpJourney journey) => journey.Browser.CookieValue(App.BaseAddress.Host, WebSchemes.CookieName);

    /// <summary>A new browser holding only a copy of a saved session cookie.</summary>
    private SignUpJourney Replaying(string cookie)
    {
        var replay = NewBrowser();
        replay.Browser.SetCookie(App.BaseAddress.Host, WebSchemes.CookieName, cookie);
        return replay;
    }

    private static async Task AssertSignedOutAsync(SignUpJourney journey)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await journey.Browser.GetAsync(journey.At("/api/v1/workspace"))).StatusCode);
        var page = await journey.Browser.GetAsync(journey.At("/Dashboard"));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/Login", page.Headers.Location!.AbsolutePath);
    }
}
