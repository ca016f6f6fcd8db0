using System.Net;
using Microsoft.EntityFrameworkCore;
using WorkSights.Domain.People;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Users;

/// <summary>The User Provisioning review's posts: one identity, everyone of a view, a Link, and who may post at all.</summary>
public sealed class ProvisioningPageTests : FunctionalTest
{
    private static readonly SandboxTenantInfo Fabrikam = SandboxTenants.Fabrikam;

    [Fact]
    public async Task OwnerBlocksOneIdentityThenTakesEveryBlockedOneAsNewFromTheBlockedTab()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var lena = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.SingleAsync(p => p.DisplayName == "Lena Fischer"));
        var searched = owner.At("/Settings/Users/Provisioning?search=lena");

        var (blocked, _) = await owner.Browser.SubmitFormAsync(await ReadAsync(owner, searched.PathAndQuery), searched, "review-form", new Dictionary<string, string>
        {
            ["Review.PersonIds[0]"] = lena.Id.ToString(),
            ["Review.AllMatching"] = "false",
            ["Review.State"] = "Blocked",
            ["Review.TenantId"] = Guid.NewGuid().ToString(),
        });

        Assert.Contains("1 identity is now Blocked.", await blocked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ProvisioningState.Blocked, (await PersonAsync(lena.Id)).ProvisioningState);
        var blockedCount = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.CountAsync(p => p.ProvisioningState == ProvisioningState.Blocked && p.Status != PersonStatus.Removed));
        var tab = owner.At("/Settings/Users/Provisioning?state=Blocked");

        var (taken, url) = await owner.Browser.SubmitFormAsync(await ReadAsync(owner, tab.PathAndQuery), tab, "review-form", new Dictionary<string, string>
        {
            ["Review.AllMatching"] = "true",
            ["Review.State"] = "New",
        });

        var html = WebUtility.HtmlDecode(await taken.Content.ReadAsStringAsync());
        Assert.Contains(blockedCount == 1 ? "1 identity is now New." : $"{blockedCount:N0} identities are now New.", html, StringComparison.Ordinal);
        Assert.Equal("?state=Blocked&page=1", url.Query);
        Assert.Equal(0, await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.CountAsync(p => p.ProvisioningState == ProvisioningState.Blocked && p.Status != PersonStatus.Removed)));
        Assert.Equal(blockedCount + 1, await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.AuditEntries.CountAsync(e => e.Action == "person.provisioning.changed")));
    }

    [Fact]
    public async Task TechnicalAdminLinksAnIdentityAndTheRowSaysWhomItLinksTo()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var admin = await SignInWithRoleAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, PersonRole.TechnicalAdmin);
        var others = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People
            .Where(p => p.Email != Fabrikam.MemberEmail && p.Email != Fabrikam.AdminEmail && p.ProvisioningState == ProvisioningState.New)
            .OrderBy(p => p.DisplayName).Take(2).ToListAsync());
        var (lena, target) = (others[0], others[1]);
        var page = admin.At($"/Settings/Users/Provisioning?search={Uri.EscapeDataString(lena.DisplayName)}");
        var html = await ReadAsync(admin, page.PathAndQuery);

        var (unknown, _) = await admin.Browser.SubmitFormAsync(html, page, "review-form", new Dictionary<string, string>
        {
            ["Review.PersonIds[0]"] = lena.Id.ToString(),
            ["Review.State"] = "Link",
            ["Review.LinkTargetEmail"] = "nobody@nowhere.example",
        });
        var (linked, _) = await admin.Browser.SubmitFormAsync(html, page, "review-form", new Dictionary<string, string>
        {
            ["Review.PersonIds[0]"] = lena.Id.ToString(),
            ["Review.State"] = "Link",
            ["Review.LinkTargetEmail"] = target.Email,
        });

        Assert.Contains("Nobody in the directory has the e-mail nobody@nowhere.example.", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var after = WebUtility.HtmlDecode(await linked.Content.ReadAsStringAsync());
        Assert.True(after.Contains($"Linked to {target.DisplayName} ({target.Email})", StringComparison.Ordinal), after[after.IndexOf("<main", StringComparison.Ordinal)..]);
        Assert.Equal((ProvisioningState.Link, target.Id), ((await PersonAsync(lena.Id)).ProvisioningState, (await PersonAsync(lena.Id)).LinkedPersonId));
    }

    [Fact]
    public async Task MemberCannotSeeNorPostAndAPostWithoutTokenIsRefused()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var member = await SignInWithRoleAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, PersonRole.Member);
        var lena = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.SingleAsync(p => p.DisplayName == "Lena Fischer"));
        var form = new Dictionary<string, string> { ["Review.PersonIds[0]"] = lena.Id.ToString(), ["Review.State"] = "Blocked" };

        var get = await member.Browser.GetAsync(member.At("/Settings/Users/Provisioning"));
        var memberPost = await member.Browser.SendAsync(HttpMethod.Post, member.At("/Settings/Users/Provisioning?page=1&handler=Review"), form);
        var withoutToken = await owner.Browser.SendAsync(HttpMethod.Post, owner.At("/Settings/Users/Provisioning?page=1&handler=Review"), form);

        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.Contains("/Error/403", get.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, memberPost.StatusCode);
        Assert.True(memberPost.StatusCode == HttpStatusCode.BadRequest || memberPost.Headers.Location?.OriginalString.Contains("/Error/403", StringComparison.Ordinal) == true, memberPost.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(ProvisioningState.New, (await PersonAsync(lena.Id)).ProvisioningState);
    }

    [Fact]
    public async Task BlockedPersonIsSignedOutOnTheirNextRequest()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var member = await SignInWithRoleAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, PersonRole.Manager);
        Assert.Equal(HttpStatusCode.OK, (await member.Browser.GetAsync(member.At("/Dashboard"))).StatusCode);
        var person = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.SingleAsync(p => p.Email == Fabrikam.MemberEmail));
        var page = owner.At("/Settings/Users/Provisioning");

        await owner.Browser.SubmitFormAsync(await ReadAsync(owner, page.PathAndQuery), page, "review-form", new Dictionary<string, string>
        {
            ["Review.PersonIds[0]"] = person.Id.ToString(),
            ["Review.State"] = "Blocked",
        });

        var dashboard = await member.Browser.GetAsync(member.At("/Dashboard"));
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        Assert.Equal("/Login", dashboard.Headers.Location!.AbsolutePath);
    }

    private Task<Person> PersonAsync(Guid id) =>
        App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.AsNoTracking().SingleAsync(p => p.Id == id));

    private static async Task<string> ReadAsync(SignUpJourney browser, string path)
    {
        var response = await browser.Browser.GetAsync(browser.At(path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
