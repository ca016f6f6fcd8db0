using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using WorkSights.Domain.People;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Notifications;

/// <summary>The Notifications page, the menu's count and Personal settings' choices, as each role sees them.</summary>
public sealed partial class NotificationsPageTests : FunctionalTest
{
    private static readonly SandboxTenantInfo Fabrikam = SandboxTenants.Fabrikam;

    [Fact]
    public async Task OwnerIsToldOfPeopleWaitingForReviewUntilTheTopicIsTurnedOffInPersonalSettings()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        await App.ChangePersonAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, p => p.ChangeProvisioningState(ProvisioningState.New));
        var waiting = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.CountAsync(p => p.ProvisioningState == ProvisioningState.New && p.Status != PersonStatus.Removed));
        Assert.True(waiting > 0);

        var page = await ReadAsync(owner, "/Notifications");
        Assert.Contains(waiting == 1 ? "1 person is waiting in User Provisioning." : $"{waiting} people are waiting in User Provisioning.", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/Settings/Users/Provisioning?state=New\"", page, StringComparison.Ordinal);
        var count = await CountAsync(owner);
        Assert.True(count >= 1);

        var personal = await ReadAsync(owner, "/Settings/Personal");
        Assert.Equal(6, CheckedTopics().Matches(personal).Count);
        var (saved, url) = await owner.Browser.SubmitFormAsync(personal, owner.At("/Settings/Personal"), "notification-preferences-form", new Dictionary<string, string> { ["on"] = "ErasureRequests" });
        var savedHtml = await saved.Content.ReadAsStringAsync();

        Assert.Equal("/Settings/Personal", url.AbsolutePath);
        Assert.Contains("Your notification choices are saved.", savedHtml, StringComparison.Ordinal);
        Assert.Equal(["ErasureRequests"], CheckedTopics().Matches(savedHtml).Select(m => m.Groups[1].Value));
        Assert.DoesNotContain("waiting in User Provisioning", await ReadAsync(owner, "/Notifications"), StringComparison.Ordinal);
        Assert.Equal(count - 1, await CountAsync(owner));
    }

    [Fact]
    public async Task MemberIsOfferedOnlyTheirOwnTopicsAndCannotTurnOnAnAdminsTopicOrPostWithoutAToken()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var member = await SignInWithRoleAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, PersonRole.Member);

        var personal = await ReadAsync(member, "/Settings/Personal");
        Assert.Equal(["MyFindings", "CorrectionsOfMyDay"], CheckedTopics().Matches(personal).Select(m => m.Groups[1].Value));
        Assert.Contains("Nothing needs your attention right now.", await ReadAsync(member, "/Notifications"), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(member));

        var (refused, _) = await member.Browser.SubmitFormAsync(personal, member.At("/Settings/Personal"), "notification-preferences-form", new Dictionary<string, string> { ["on"] = "ErasureRequests" }, follow: false);
        var (nonsense, _) = await member.Browser.SubmitFormAsync(personal, member.At("/Settings/Personal"), "notification-preferences-form", new Dictionary<string, string> { ["on"] = "Everything" }, follow: false);
        var (forged, _) = await member.Browser.SubmitFormAsync(personal, member.At("/Settings/Personal"), "notification-preferences-form", new Dictionary<string, string> { ["__RequestVerificationToken"] = "forged" }, follow: false);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, nonsense.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(2, CheckedTopics().Matches(await ReadAsync(member, "/Settings/Personal")).Count);
    }

    private static async Task<int> CountAsync(SignUpJourney browser)
    {
        var response = await browser.Browser.GetAsync(browser.At("/Notifications?handler=Count"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return int.Parse(CountValue().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string> ReadAsync(SignUpJourney browser, string path)
    {
        var response = await browser.Browser.GetAsync(browser.At(path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("name=\"on\" value=\"(\\w+)\" checked=\"checked\"")]
    private static partial Regex CheckedTopics();

    [GeneratedRegex("\"count\":(\\d+)")]
    private static partial Regex CountValue();
}
