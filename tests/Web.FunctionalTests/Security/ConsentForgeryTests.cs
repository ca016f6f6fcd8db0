using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;
using WorkSights.Infrastructure.Persistence;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Security;

/// <summary>
/// Issue 10, as an attacker tries it: the consent callback's <c>admin_consent=True&amp;tenant=…</c> is typed by a browser.
/// Consent is proven with a token from Microsoft and admin rights with Graph before anything changes.
/// </summary>
public sealed partial class ConsentForgeryTests : FunctionalTest
{
    private static readonly SandboxTenantInfo Contoso = SandboxTenants.Contoso;

    [Theory]
    [InlineData(PersonRole.Member)]
    [InlineData(PersonRole.TechnicalAdmin)]
    [InlineData(PersonRole.Executive)]
    public async Task NobodyOfAConnectedWorkspaceBecomesOwnerByForgingTheCallback(PersonRole role)
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Contoso.AdminEmail);
        await ChangePersonAsync(Contoso.MemberEmail, p => { p.GrantLoginAccess(); p.AssignRole(role); });
        var attacker = NewBrowser();
        await attacker.LogInAsync(Contoso.MemberEmail);

        var connectPage = await (await attacker.Browser.GetAsync(attacker.At("/Onboarding/Connect"))).Content.ReadAsStringAsync();
        Assert.Equal(role == PersonRole.TechnicalAdmin, connectPage.Contains("id=\"consent-start-form\"", StringComparison.Ordinal));
        var refused = await PostConnectAsync(attacker);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Only its Owner or a Microsoft 365 administrator", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // With the workspace's consent revoked, anyone may start the trip (Graph cannot be asked); an administrator then
        // grants consent again in Entra, and the attacker answers with their own valid state.
        await SetTenantAsync(t => t.RevokeConsent(DateTimeOffset.UtcNow));
        var state = StateOf(await PostConnectAsync(attacker));
        App.Sandbox.Directory.GrantConsent(Contoso.TenantId, WorkSightsApp.ClientId);
        var (answer, _) = await ForgeCallbackAsync(attacker, state);

        Assert.Contains("Only the workspace&#x27;s Owner or a Microsoft 365 administrator", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(TenantStatus.ConsentRevoked, (await TenantAsync()).Status);
        var people = await PeopleAsync();
        Assert.Equal(role, people[Contoso.MemberEmail].Role);
        Assert.Equal(PersonRole.Owner, people[Contoso.AdminEmail].Role);
        Assert.Single(people.Values, p => p.Role == PersonRole.Owner);
    }

    [Fact]
    public async Task PendingNonAdministratorForgingAfterAnAdministratorConsentedIsNotOwner()
    {
        var member = NewBrowser();
        await member.SignUpAsync(Contoso.MemberEmail);
        var state = StateOf(await PostConnectAsync(member));
        App.Sandbox.Directory.GrantConsent(Contoso.TenantId, WorkSightsApp.ClientId);

        var (_, landed) = await ForgeCallbackAsync(member, state);

        Assert.Equal("/Onboarding/AdminRequired?reason=finish", landed.PathAndQuery);
        Assert.Equal(TenantStatus.Active, (await TenantAsync()).Status);
        Assert.DoesNotContain((await PeopleAsync()).Values, p => p.Role == PersonRole.Owner || p.HasLoginAccess);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Browser.GetAsync(member.At("/api/v1/workspace"))).StatusCode);

        var admin = NewBrowser();
        var (_, adminLanded) = await admin.LogInAsync(Contoso.AdminEmail);
        var memberAgain = NewBrowser();
        var (_, memberLanded) = await memberAgain.LogInAsync(Contoso.MemberEmail);

        Assert.Equal("/Dashboard", adminLanded.AbsolutePath);
        Assert.Equal("/Dashboard", memberLanded.AbsolutePath);
        var people = await PeopleAsync();
        Assert.Equal(PersonRole.Owner, people[Contoso.AdminEmail].Role);
        Assert.Equal(PersonRole.Member, people[Contoso.MemberEmail].Role);
        Assert.True(people[Contoso.MemberEmail].HasLoginAccess);
    }

    [Fact]
    public async Task ForgedCallbackWhereNobodyConsentedChangesNothingAndTheAdministratorCanStillSignUp()
    {
        var admin = NewBrowser();
        await admin.SignUpAsync(Contoso.AdminEmail);
        var state = StateOf(await PostConnectAsync(admin));

        var (answer, _) = await ForgeCallbackAsync(admin, state);

        Assert.Contains("does not show WorkSights&#x27; permissions as granted", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(TenantStatus.PendingConsent, (await TenantAsync()).Status);
        Assert.Empty(await PeopleAsync());

        var (ready, readyUrl) = await admin.ConsentAsync("accept");
        Assert.Equal("/Onboarding/Ready", readyUrl.AbsolutePath);
        Assert.Contains("Your workspace is ready", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(PersonRole.Owner, (await PeopleAsync())[Contoso.AdminEmail].Role);
    }

    [Fact]
    public async Task PartialConsentNamesTheMissingPermissionsAndActivatesNothing()
    {
        var admin = NewBrowser();
        await admin.SignUpAsync(Contoso.AdminEmail);
        var accepted = await admin.AcceptConsentWithoutReturningAsync();
        App.Sandbox.Directory.GrantConsent(Contoso.TenantId, WorkSightsApp.ClientId, ["User.Read.All", "Directory.Read.All", "Mail.ReadBasic.All"]);

        var (answer, _) = await admin.Browser.FollowAsync(await admin.Browser.GetAsync(accepted), accepted);

        var html = await answer.Content.ReadAsStringAsync();
        Assert.Contains("only some of WorkSights&#x27; permissions", html, StringComparison.Ordinal);
        Assert.Contains("(CallRecords.Read.All)", html, StringComparison.Ordinal);
        Assert.Contains("(ActivityFeed.Read)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("(Mail.ReadBasic.All)", html, StringComparison.Ordinal);
        Assert.Equal(TenantStatus.PendingConsent, (await TenantAsync()).Status);
        Assert.Empty(await PeopleAsync());
    }

    [Fact]
    public async Task ConsentRevokedBetweenCallbackAndProofActivatesNothing()
    {
        var admin = NewBrowser();
        await admin.SignUpAsync(Contoso.AdminEmail);
        var accepted = await admin.AcceptConsentWithoutReturningAsync();
        App.Sandbox.Directory.RevokeConsent(Contoso.TenantId, WorkSightsApp.ClientId);

        var (answer, _) = await admin.Browser.FollowAsync(await admin.Browser.GetAsync(accepted), accepted);

        Assert.Contains("does not show WorkSights&#x27; permissions as granted", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(TenantStatus.PendingConsent, (await TenantAsync()).Status);
        Assert.Empty(await PeopleAsync());
    }

    [Fact]
    public async Task ApplicationAdministratorCannotConsentNorForgeAConsent()
    {
        var appAdmin = App.Sandbox.Directory.GetUsers(Contoso.TenantId).Single(u => u.DirectoryRoleIds.Contains(SandboxTenants.ApplicationAdministratorRoleId));
        var browser = NewBrowser();
        await browser.SignUpAsync(appAdmin.Mail!);

        var (_, landed) = await browser.ConsentAsync("back");
        var state = StateOf(await PostConnectAsync(browser));
        var (forged, _) = await ForgeCallbackAsync(browser, state);

        Assert.Equal("/Onboarding/AdminRequired", landed.AbsolutePath);
        Assert.Contains("does not show WorkSights&#x27; permissions as granted", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(TenantStatus.PendingConsent, (await TenantAsync()).Status);
    }

    [Fact]
    public async Task PrivilegedRoleAdministratorWhoConsentsBecomesOwner()
    {
        var pra = App.Sandbox.Directory.GetUsers(Contoso.TenantId).Single(u => u.DirectoryRoleIds.Contains(SandboxTenants.PrivilegedRoleAdministratorRoleId));
        var browser = NewBrowser();

        var (_, landed) = await browser.SignUpAndConsentAsync(pra.Mail!);

        Assert.Equal("/Onboarding/Ready", landed.AbsolutePath);
        Assert.Equal(PersonRole.Owner, (await PeopleAsync())[pra.Mail!].Role);
        Assert.Contains(App.Sandbox.RequestLog.Entries, e => e.PathAndQuery.Contains("/transitiveMemberOf/graph.directoryRole", StringComparison.Ordinal));
    }

    private static async Task<HttpResponseMessage> PostConnectAsync(SignUpJourney journey)
    {
        var page = await journey.Browser.GetAsync(journey.At("/Onboarding/Connect"));
        var token = AntiforgeryField().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        return await journey.Browser.SendAsync(HttpMethod.Post, journey.At("/Onboarding/Connect"), [new("__RequestVerificationToken", token)]);
    }

    private static string StateOf(HttpResponseMessage toMicrosoft)
    {
        Assert.Equal(HttpStatusCode.Redirect, toMicrosoft.StatusCode);
        return QueryHelpers.ParseQuery(toMicrosoft.Headers.Location!.Query)["state"].ToString();
    }

    /// <summary>What Microsoft would have sent back had consent been given: typed by hand.</summary>
    private static async Task<(HttpResponseMessage Response, Uri Url)> ForgeCallbackAsync(SignUpJourney journey, string state)
    {
        var forged = journey.At($"/onboarding/consent/callback?admin_consent=True&tenant={Contoso.TenantId}&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default&state={Uri.EscapeDataString(state)}");
        return await journey.Browser.FollowAsync(await journey.Browser.GetAsync(forged), forged);
    }

    private Task<Tenant> TenantAsync() => App.WorkspaceAsync(Contoso.TenantId);

    private async Task SetTenantAsync(Action<Tenant> change)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        change(await db.Tenants.SingleAsync(t => t.ExternalTenantId == Contoso.TenantId));
        await db.SaveChangesAsync();
    }

    private Task<Dictionary<string, Person>> PeopleAsync() =>
        App.InWorkspaceAsync(Contoso.TenantId, db => db.People.AsNoTracking().ToDictionaryAsync(p => p.Email));

    private Task ChangePersonAsync(string email, Action<Person> change) => App.ChangePersonAsync(Contoso.TenantId, email, change);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
