using Microsoft.Playwright;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.BrowserTests;

public sealed class SignUpJourneyTests : IAsyncLifetime
{
    private readonly WorkSightsApp app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task AdministratorSignsUpConsentsSetsUpAccountAndReviewsProvisioning()
    {
        await using var browser = await BrowserSession.StartAsync("sign-up");
        var page = browser.Page;

        await page.GotoAsync(app.BaseAddress.ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("See how the work day really went");
        await browser.ScreenshotAsync("home");
        await browser.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Sign up with Microsoft 365" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/SignUp$"));
        await browser.ScreenshotAsync("sign-up");
        await browser.AssertAccessibleAsync();
        await page.ClickAsync("#sign-up-microsoft");

        await page.WaitForSelectorAsync($"[data-account='{SandboxTenants.Contoso.AdminEmail}']");
        await browser.ScreenshotAsync("microsoft-sign-in");
        await page.ClickAsync($"[data-account='{SandboxTenants.Contoso.AdminEmail}']");

        await page.WaitForURLAsync("**/Onboarding/Connect");
        await Assertions.Expect(page.Locator("#verified-domain")).ToHaveTextAsync(SandboxTenants.Contoso.PrimaryDomain);
        await browser.ScreenshotAsync("domain-verified");
        await browser.AssertAccessibleAsync();
        await page.ClickAsync("#continue-to-consent");

        await page.WaitForSelectorAsync("#accept");
        await Assertions.Expect(page.Locator("#permissions li")).Not.ToHaveCountAsync(0);
        await browser.ScreenshotAsync("permissions-requested");
        await page.ClickAsync("#accept");

        await page.WaitForURLAsync("**/Onboarding/Ready");
        var imported = int.Parse(await page.Locator("#people-imported").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(imported, 200, 245);
        await browser.ScreenshotAsync("workspace-ready");
        await browser.AssertAccessibleAsync();
        await page.ClickAsync("#continue-to-setup");

        await page.WaitForURLAsync("**/Onboarding/AccountSetup");
        await Assertions.Expect(page.Locator("#Input_CompanyName")).ToHaveValueAsync("Contoso");
        await page.FillAsync("#Input_CompanyName", "Contoso Ltd");
        await page.SelectOptionAsync("#Input_Industry", "Software and IT services");
        await page.SelectOptionAsync("#Input_Size", "From201To1000");
        await page.SelectOptionAsync("#Input_CountryCode", "GB");
        await page.SelectOptionAsync("#Input_TimeZoneId", "Europe/London");
        await browser.ScreenshotAsync("account-setup");
        await browser.AssertAccessibleAsync();
        await page.ClickAsync("#save-account-setup");

        await page.WaitForURLAsync("**/Settings/Users/Provisioning?saved=True");
        await Assertions.Expect(page.Locator("#provisioning-table tbody tr")).ToHaveCountAsync(50);
        await browser.ScreenshotAsync("provisioning");
        await browser.AssertAccessibleAsync();

        await page.ClickAsync("[data-state='Blocked']");
        await Assertions.Expect(page.Locator("tr[data-email='svc-backup@contoso.com'] .state")).ToHaveTextAsync("Blocked");
        await browser.ScreenshotAsync("provisioning-blocked");

        await page.ClickAsync("[data-state='NotImported']");
        await Assertions.Expect(page.Locator("tr[data-email='info@contoso.com'] .state")).ToHaveTextAsync("Shared mailbox");
        await Assertions.Expect(page.Locator("tr[data-email='boardroom@contoso.com'] .state")).ToHaveTextAsync("Meeting room");
        await Assertions.Expect(page.Locator("tr[data-email='projector.cart@contoso.com'] .state")).ToHaveTextAsync("Equipment");
        await Assertions.Expect(page.Locator("#not-imported-table tbody tr[data-reason='Guest']")).ToHaveCountAsync(6);

        await page.ClickAsync("[data-state='AlreadyLinked']");
        await Assertions.Expect(page.Locator($"tr[data-email='{SandboxTenants.Contoso.AdminEmail}'] .state")).ToHaveTextAsync("Already linked");
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("#EXT#");
    }
}
