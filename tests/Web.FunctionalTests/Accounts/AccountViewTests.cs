using System.Net;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Accounts;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Accounts;

/// <summary>Issue 12, item 4: Account View's company details, score visibility and data retention, edited in place and audited.</summary>
public sealed class AccountViewTests : FunctionalTest
{
    private static readonly SandboxTenantInfo Fabrikam = SandboxTenants.Fabrikam;

    [Fact]
    public async Task CompanyDetailsAreShownAndChangedInPlaceWithTheirAuditEntry()
    {
        var owner = await OwnerWithSetupAsync();
        var account = owner.At("/Settings/Account");
        var html = await ReadAsync(owner, account);
        Assert.Contains("value=\"Fabrikam Inc\"", html, StringComparison.Ordinal);
        Assert.Matches("<option (selected=\"selected\" value=\"From11To50\"|value=\"From11To50\" selected=\"selected\")>11–50 people</option>", WebUtility.HtmlDecode(html));
        Assert.DoesNotContain("href=\"/Onboarding/AccountSetup\"", html, StringComparison.Ordinal);

        var (refused, _) = await owner.Browser.SubmitFormAsync(html, account, "company-form", Company(("PrimaryDomain", "not a domain"), ("Industry", "Piracy")));
        var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Enter a domain such as contoso.com.", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("Choose an industry from the list.", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"not a domain\"", refusedHtml, StringComparison.Ordinal);
        Assert.Equal("Fabrikam Inc", (await App.WorkspaceAsync(Fabrikam.TenantId)).Name);

        var (saved, savedUrl) = await owner.Browser.SubmitFormAsync(html, account, "company-form", Company(("CompanyName", "Fabrikam Europe"), ("Size", "From51To200")));

        Assert.Equal("/Settings/Account", savedUrl.AbsolutePath);
        Assert.Contains("Saved. The company details are up to date.", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var workspace = await App.WorkspaceAsync(Fabrikam.TenantId);
        Assert.Equal(("Fabrikam Europe", "fabrikam.com", "Software and IT services", CompanySize.From51To200, "DE"), (workspace.Name, workspace.PrimaryDomain, workspace.Industry, workspace.Size, workspace.CountryCode));
        Assert.Equal(("Europe/Berlin", 80), (workspace.TimeZoneId, workspace.DefaultTargetPercent));
        var entry = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.AuditEntries.SingleAsync(e => e.Action == AccountAuditActions.CompanyDetailsChanged));
        var admin = await AdminAsync();
        Assert.Equal(
            (admin.Id, "Company details", "Fabrikam Inc, fabrikam.com, Software and IT services, 11–50 people, DE", "Fabrikam Europe, fabrikam.com, Software and IT services, 51–200 people, DE", "127.0.0.1"),
            (entry.ByPersonId!.Value, entry.Subject, entry.Before, entry.After, entry.FromAddress));
    }

    [Fact]
    public async Task FieldsTheFormsDoNotOfferAreIgnored()
    {
        var owner = await OwnerWithSetupAsync();
        var account = owner.At("/Settings/Account");
        var html = await ReadAsync(owner, account);
        var before = await App.WorkspaceAsync(Fabrikam.TenantId);

        await owner.Browser.SubmitFormAsync(html, account, "company-form", new Dictionary<string, string>(Company(("CompanyName", "Fabrikam Europe")))
        {
            ["TenantId"] = Guid.NewGuid().ToString(),
            ["Company.TenantId"] = Guid.NewGuid().ToString(),
            ["Company.TimeZoneId"] = "Asia/Tokyo",
            ["Company.DefaultTargetPercent"] = "150",
            ["Company.Status"] = nameof(TenantStatus.ConsentRevoked),
            ["Company.ExternalTenantId"] = "someone-else",
            ["Visibility.ShowScoresToMembers"] = "false",
            ["Retention.Limited"] = "true",
            ["Retention.Days"] = "30",
        });
        await owner.Browser.SubmitFormAsync(html, account, "visibility-form", new Dictionary<string, string>
        {
            ["Visibility.ShowScoresToMembers"] = "true",
            ["Company.CompanyName"] = "Hijacked",
            ["Retention.Limited"] = "true",
            ["Retention.Days"] = "30",
            ["Role"] = nameof(PersonRole.Member),
        });

        var after = await App.WorkspaceAsync(Fabrikam.TenantId);
        Assert.Equal("Fabrikam Europe", after.Name);
        Assert.Equal((before.Id, before.ExternalTenantId, before.Status, before.TimeZoneId, before.DefaultTargetPercent), (after.Id, after.ExternalTenantId, after.Status, after.TimeZoneId, after.DefaultTargetPercent));
        Assert.Equal((true, (int?)null), (after.ScoresVisibleToMembers, after.RetentionDays));
        Assert.Equal(PersonRole.Owner, (await AdminAsync()).Role);
        Assert.Equal(
            [AccountAuditActions.CompanyDetailsChanged],
            await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.AuditEntries.Where(e => e.Action.StartsWith("account.")).Select(e => e.Action).ToListAsync()));
    }

    [Fact]
    public async Task ScoreVisibilityIsSwitchedAndEachChangeAudited()
    {
        var owner = await OwnerWithSetupAsync();
        var account = owner.At("/Settings/Account");
        var html = await ReadAsync(owner, account);
        Assert.Contains("id=\"Visibility_ShowScoresToMembers\"", html, StringComparison.Ordinal);

        var (hidden, _) = await owner.Browser.SubmitFormAsync(html, account, "visibility-form");
        Assert.Contains("Saved. Scores are hidden from Members.", await hidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False((await App.WorkspaceAsync(Fabrikam.TenantId)).ScoresVisibleToMembers);
        var (unchanged, _) = await owner.Browser.SubmitFormAsync(html, account, "visibility-form");
        var (shown, _) = await owner.Browser.SubmitFormAsync(html, account, "visibility-form", new Dictionary<string, string> { ["Visibility.ShowScoresToMembers"] = "true" });

        Assert.Contains("Saved. Members see scores.", await shown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True((await App.WorkspaceAsync(Fabrikam.TenantId)).ScoresVisibleToMembers);
        var entries = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.AuditEntries.Where(e => e.Action == AccountAuditActions.ScoreVisibilityChanged)
            .OrderBy(e => e.At).Select(e => new { e.Before, e.After }).ToListAsync());
        Assert.Equal(
            [("Members see scores", "Scores hidden from Members"), ("Scores hidden from Members", "Members see scores")],
            entries.Select(e => (e.Before, e.After)));
        Assert.Equal(HttpStatusCode.OK, unchanged.StatusCode);
    }

    [Fact]
    public async Task RetentionIsValidatedSavedAndAudited()
    {
        var owner = await OwnerWithSetupAsync();
        var account = owner.At("/Settings/Account");
        var html = await ReadAsync(owner, account);

        foreach (var (days, message) in new[]
        {
            ("5", "Keep activities between 30 and 3650 days."),
            ("", "Enter how many days to keep activities."),
            ("ninety", "Enter a valid value."),
        })
        {
            var (refused, _) = await owner.Browser.SubmitFormAsync(html, account, "retention-form", Retention(true, days));
            var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
            var form = refusedHtml[refusedHtml.IndexOf("id=\"data-retention\"", StringComparison.Ordinal)..];
            Assert.True(form.Contains(message, StringComparison.Ordinal), form[..Math.Min(form.Length, 3000)]);
        }

        Assert.Null((await App.WorkspaceAsync(Fabrikam.TenantId)).RetentionDays);
        var (limited, _) = await owner.Browser.SubmitFormAsync(html, account, "retention-form", Retention(true, "90"));
        Assert.Contains("Activities older than 90 days are deleted with the next daily purge.", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(90, (await App.WorkspaceAsync(Fabrikam.TenantId)).RetentionDays);
        var (forever, _) = await owner.Browser.SubmitFormAsync(html, account, "retention-form", Retention(false, "90"));

        Assert.Contains("Activities are kept until the workspace is deleted.", await forever.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await App.WorkspaceAsync(Fabrikam.TenantId)).RetentionDays);
        var entries = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.AuditEntries.Where(e => e.Action == AccountAuditActions.RetentionChanged)
            .OrderBy(e => e.At).Select(e => new { e.Before, e.After }).ToListAsync());
        Assert.Equal(
            [
                ("Activities and results kept until the workspace is deleted", "Activities and results kept 90 days"),
                ("Activities and results kept 90 days", "Activities and results kept until the workspace is deleted"),
            ],
            entries.Select(e => (e.Before, e.After)));
    }

    [Theory]
    [InlineData(PersonRole.TechnicalAdmin)]
    [InlineData(PersonRole.Executive)]
    [InlineData(PersonRole.Member)]
    public async Task EveryAccountPostIsForbiddenToSomeoneOtherThanAnOwner(PersonRole role)
    {
        await OwnerWithSetupAsync();
        var other = await SignInWithRoleAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, role);

        foreach (var (handler, form) in new[] { ("Company", Company(("CompanyName", "Taken over"))), ("Visibility", Visibility(false)), ("Retention", Retention(true, "30")) })
        {
            var response = await other.Browser.SendAsync(HttpMethod.Post, other.At("/Settings/Account?handler=" + handler), form);
            Assert.True(IsForbidden(response), $"{handler} answered {(int)response.StatusCode} {response.Headers.Location} to a {role}");
        }

        Assert.True(IsForbidden(await other.Browser.GetAsync(other.At("/Settings/Account"))));
        var workspace = await App.WorkspaceAsync(Fabrikam.TenantId);
        Assert.Equal(("Fabrikam Inc", true, (int?)null), (workspace.Name, workspace.ScoresVisibleToMembers, workspace.RetentionDays));
        Assert.Equal(0, await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.AuditEntries.CountAsync(e => e.Action.StartsWith("account."))));
    }

    [Fact]
    public async Task EveryAccountPostWithoutItsAntiforgeryTokenIsRefused()
    {
        var owner = await OwnerWithSetupAsync();
        await ReadAsync(owner, owner.At("/Settings/Account"));

        foreach (var (handler, form) in new[] { ("Company", Company(("CompanyName", "Forged"))), ("Visibility", Visibility(false)), ("Retention", Retention(true, "30")) })
        {
            var response = await owner.Browser.SendAsync(HttpMethod.Post, owner.At("/Settings/Account?handler=" + handler), form);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        var workspace = await App.WorkspaceAsync(Fabrikam.TenantId);
        Assert.Equal(("Fabrikam Inc", true, (int?)null), (workspace.Name, workspace.ScoresVisibleToMembers, workspace.RetentionDays));
    }

    [Fact]
    public async Task CompanyDetailsSendToAccountSetupUntilItIsFinished()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var html = await ReadAsync(owner, owner.At("/Settings/Account"));

        Assert.Contains("href=\"/Onboarding/AccountSetup\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"company-form\"", html, StringComparison.Ordinal);
    }

    private async Task<SignUpJourney> OwnerWithSetupAsync()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        await App.InWorkspaceAsync(Fabrikam.TenantId, async db =>
        {
            (await db.Tenants.SingleAsync()).CompleteAccountSetup(
                new CompanyDetails("Fabrikam Inc", "Software and IT services", CompanySize.From11To50, "DE", "Europe/Berlin", WorkSchedule.StandardWeek, 80),
                Fabrikam.PrimaryDomain,
                DateTimeOffset.UtcNow);
            return true;
        });
        return owner;
    }

    private Task<Person> AdminAsync() =>
        App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.AsNoTracking().SingleAsync(p => p.Email == Fabrikam.AdminEmail));

    private static async Task<string> ReadAsync(SignUpJourney browser, Uri url)
    {
        var response = await browser.Browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    internal static bool IsForbidden(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/Error/403", StringComparison.Ordinal);

    /// <summary>The company form as saved by <see cref="OwnerWithSetupAsync"/>, with some fields changed.</summary>
    private static Dictionary<string, string> Company(params (string Name, string Value)[] changes)
    {
        var values = new Dictionary<string, string>
        {
            ["Company.CompanyName"] = "Fabrikam Inc",
            ["Company.PrimaryDomain"] = "fabrikam.com",
            ["Company.Industry"] = "Software and IT services",
            ["Company.Size"] = "From11To50",
            ["Company.CountryCode"] = "DE",
        };
        foreach (var (name, value) in changes)
        {
            values["Company." + name] = value;
        }

        return values;
    }

    private static Dictionary<string, string> Visibility(bool shown) => new() { ["Visibility.ShowScoresToMembers"] = shown ? "true" : "false" };

    private static Dictionary<string, string> Retention(bool limited, string days) =>
        new() { ["Retention.Limited"] = limited ? "true" : "false", ["Retention.Days"] = days };
}
