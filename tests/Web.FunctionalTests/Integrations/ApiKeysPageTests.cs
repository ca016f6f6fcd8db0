using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Accounts;
using WorkSights.Domain.People;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Integrations;

/// <summary>
/// The API keys page: creating a key answers a redirect and the page after it shows the key's secret once; a Technical
/// Admin cannot make a key that reads scores; revoking asks first.
/// </summary>
public sealed partial class ApiKeysPageTests : FunctionalTest
{
    private static readonly SandboxTenantInfo Fabrikam = SandboxTenants.Fabrikam;

    [Fact]
    public async Task OwnerCreatesAKeySeesItsSecretOnceAndItWorksUntilRevokedAfterAConfirmation()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var account = await ReadAsync(owner, "/Settings/Account");
        Assert.Contains("href=\"/Settings/ApiKeys\"", account, StringComparison.Ordinal);
        Assert.DoesNotContain("API keys arrive here next", account, StringComparison.Ordinal);

        var page = await ReadAsync(owner, "/Settings/ApiKeys");
        Assert.Contains("No API keys yet", page, StringComparison.Ordinal);
        var (created, _) = await owner.Browser.SubmitFormAsync(page, owner.At("/Settings/ApiKeys"), "create-key-form", new Dictionary<string, string>
        {
            ["Input.Name"] = "BI dashboard",
            ["Input.People"] = "true",
            ["Input.Reports"] = "true",
            ["Input.Expires"] = "30",
        });
        var html = WebUtility.HtmlDecode(await created.Content.ReadAsStringAsync());
        var clientId = ValueOf(html, "new-client-id");
        var secret = ValueOf(html, "new-secret");
        Assert.Contains("Copy the secret now: it will not be shown again", html, StringComparison.Ordinal);
        Assert.Contains("no-store", created.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);

        using var integrator = new Integrator(App, clientId, secret);
        var token = await integrator.TokenAsync();
        Assert.Equal(HttpStatusCode.OK, (await integrator.GetAsync("/api/v1/reports/scores", token)).StatusCode);

        var later = await ReadAsync(owner, "/Settings/ApiKeys");
        Assert.Contains(clientId, later, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, later, StringComparison.Ordinal);
        Assert.Contains("People, Score Report", later, StringComparison.Ordinal);
        var keyId = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.ApiKeys.Select(k => k.Id).SingleAsync());

        var (unnamed, _) = await owner.Browser.SubmitFormAsync(later, owner.At("/Settings/ApiKeys"), "create-key-form", new Dictionary<string, string> { ["Input.Name"] = string.Empty });
        Assert.Equal(HttpStatusCode.OK, unnamed.StatusCode);
        Assert.Contains("Give the key a name", WebUtility.HtmlDecode(await unnamed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(1, await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.ApiKeys.CountAsync()));

        var confirm = await ReadAsync(owner, $"/Settings/ApiKeys?revoke={keyId}");
        Assert.Contains("Revoke “BI dashboard”?", confirm, StringComparison.Ordinal);
        var (revoked, url) = await owner.Browser.SubmitFormAsync(confirm, owner.At($"/Settings/ApiKeys?revoke={keyId}"), "revoke-form");
        Assert.Equal("/Settings/ApiKeys", url.AbsolutePath);
        Assert.Contains("The key is revoked", WebUtility.HtmlDecode(await revoked.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await integrator.GetAsync("/api/v1/reports/scores", token)).StatusCode);

        var audit = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.AuditEntries.Where(e => e.Action.StartsWith("account.apikey")).Select(e => e.Action + " " + e.Subject + " " + e.After).ToListAsync());
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a => Assert.DoesNotContain(secret, a, StringComparison.Ordinal));
        Assert.Contains(AccountAuditActions.ApiKeyRevoked, string.Join("\n", audit), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecretIsShownOnceOnThePageAfterTheRedirectGivenTheCreateFormIsPosted()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var page = await ReadAsync(owner, "/Settings/ApiKeys");

        var (posted, postedTo) = await owner.Browser.SubmitFormAsync(page, owner.At("/Settings/ApiKeys"), "create-key-form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Payroll export",
            ["Input.People"] = "true",
            ["Input.Expires"] = "90",
        }, follow: false);
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        var location = posted.Headers.Location!;
        Assert.Equal("/Settings/ApiKeys#new-key", location.OriginalString);
        Assert.Equal(string.Empty, await posted.Content.ReadAsStringAsync());
        Assert.Equal(1, await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.ApiKeys.CountAsync()));

        var first = await ReadAsync(owner, new Uri(postedTo, location).PathAndQuery);
        var clientId = ValueOf(first, "new-client-id");
        var secret = ValueOf(first, "new-secret");
        Assert.Contains("“Payroll export” is ready", first, StringComparison.Ordinal);
        Assert.Contains("Copy the secret now: it will not be shown again", first, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, location.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, owner.Browser.CookieHeader(owner.At("/")), StringComparison.Ordinal);

        var refreshed = await ReadAsync(owner, "/Settings/ApiKeys");
        Assert.DoesNotContain(secret, refreshed, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"new-key\"", refreshed, StringComparison.Ordinal);
        Assert.DoesNotContain("will not be shown again", refreshed, StringComparison.Ordinal);
        Assert.Contains(clientId, refreshed, StringComparison.Ordinal);

        var keys = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.ApiKeys.Select(k => k.ClientId).ToListAsync());
        Assert.Equal([clientId], keys);
        Assert.Equal(ApiKeyCredentials.Hash(secret), await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.ApiKeys.Select(k => k.SecretHash).SingleAsync()));
    }

    [Fact]
    public async Task TechnicalAdminIsNotOfferedScoresAndAForgedScoresKeyIsRefused()
    {
        await NewBrowser().SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var admin = await SignInWithRoleAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, PersonRole.TechnicalAdmin);

        var page = await ReadAsync(admin, "/Settings/ApiKeys");
        Assert.DoesNotContain("name=\"Input.Reports\"", page, StringComparison.Ordinal);
        Assert.Contains("Only an Owner can create a key that reads the Score Report", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/Settings/ApiKeys\"", page, StringComparison.Ordinal);

        var (forged, _) = await admin.Browser.SubmitFormAsync(page, admin.At("/Settings/ApiKeys"), "create-key-form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Sneaky",
            ["Input.Reports"] = "true",
            ["Input.Expires"] = "never",
        });
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains("Only an Owner can create a key that reads the Score Report", WebUtility.HtmlDecode(await forged.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.ApiKeys.CountAsync()));

        var (made, _) = await admin.Browser.SubmitFormAsync(page, admin.At("/Settings/ApiKeys"), "create-key-form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Directory sync",
            ["Input.People"] = "true",
            ["Input.Expires"] = "forever",
        });
        Assert.Contains("Choose when the key expires", WebUtility.HtmlDecode(await made.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.ApiKeys.CountAsync()));
    }

    private static string ValueOf(string html, string id)
    {
        var match = Regex.Match(html, $"id=\"{id}\"[^>]*value=\"(?<value>[^\"]+)\"");
        Assert.True(match.Success, $"no {id} on the page");
        return match.Groups["value"].Value;
    }

    private static async Task<string> ReadAsync(SignUpJourney browser, string path)
    {
        var response = await browser.Browser.GetAsync(browser.At(path));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
