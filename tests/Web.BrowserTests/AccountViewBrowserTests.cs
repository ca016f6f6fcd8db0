using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using WorkSights.Domain.Tenants;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.BrowserTests;

/// <summary>Account View's company details, score visibility and retention, and the audit log that records them, at 1280 and 390 px.</summary>
public sealed class AccountViewBrowserTests : IAsyncLifetime
{
    private readonly WorkSightsApp app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task OwnerEditsTheWorkspaceSectionsAndFindsEachChangeInTheAuditLog()
    {
        await using var browser = await BrowserSession.StartAsync("account-view");
        var page = browser.Page;
        await BrowserJourney.SignUpAndAcceptAsync(page, app.BaseAddress, SandboxTenants.Fabrikam.AdminEmail);
        await app.InWorkspaceAsync(SandboxTenants.Fabrikam.TenantId, async db =>
        {
            (await db.Tenants.SingleAsync()).CompleteAccountSetup(
                new CompanyDetails("Fabrikam Inc", "Software and IT services", CompanySize.From11To50, "DE", "Europe/Berlin", WorkSchedule.StandardWeek, 80),
                SandboxTenants.Fabrikam.PrimaryDomain,
                DateTimeOffset.UtcNow);
            return true;
        });
        await page.GotoAsync(new Uri(app.BaseAddress, "/Settings/Account").ToString());

        var company = page.Locator("#company-details");
        await Assertions.Expect(company.GetByLabel("Company name")).ToHaveValueAsync("Fabrikam Inc");
        await Assertions.Expect(company.GetByLabel("Country")).ToHaveValueAsync("DE");
        await company.GetByLabel("Company name").FillAsync("Fabrikam Europe");
        await company.GetByLabel("Company size").SelectOptionAsync(new SelectOptionValue { Label = "51–200 people" });
        await company.GetByRole(AriaRole.Button, new() { Name = "Save company details" }).ClickAsync();
        await Assertions.Expect(page.Locator("#company-details").GetByRole(AriaRole.Status)).ToContainTextAsync("Saved.");
        await Assertions.Expect(page.Locator("#company-details").GetByLabel("Company name")).ToHaveValueAsync("Fabrikam Europe");

        var visibility = page.Locator("#score-visibility");
        await visibility.GetByLabel("Show scores to Members").UncheckAsync();
        await visibility.GetByRole(AriaRole.Button, new() { Name = "Save score visibility" }).ClickAsync();
        await Assertions.Expect(page.Locator("#score-visibility").GetByRole(AriaRole.Status)).ToContainTextAsync("Scores are hidden from Members.");
        await Assertions.Expect(page.Locator("#score-visibility").GetByLabel("Show scores to Members")).Not.ToBeCheckedAsync();

        var retention = page.Locator("#data-retention");
        await retention.GetByLabel("Delete activities and results older than a number of days").CheckAsync();
        await retention.GetByLabel("Days to keep (30 to 3650)").FillAsync("10");
        await retention.GetByRole(AriaRole.Button, new() { Name = "Save retention" }).ClickAsync();
        await Assertions.Expect(page.Locator("#data-retention")).ToContainTextAsync("Keep activities between 30 and 3650 days.");
        await page.Locator("#data-retention").ScrollIntoViewIfNeededAsync();
        await browser.ScreenshotAsync("retention-refused-1280");
        await browser.AssertAccessibleAsync();

        await page.Locator("#data-retention").GetByLabel("Days to keep (30 to 3650)").FillAsync("365");
        await page.Locator("#data-retention").GetByRole(AriaRole.Button, new() { Name = "Save retention" }).ClickAsync();
        await Assertions.Expect(page.Locator("#data-retention").GetByRole(AriaRole.Status)).ToContainTextAsync("Activities older than 365 days");
        await page.GotoAsync(new Uri(app.BaseAddress, "/Settings/Account").ToString());
        await browser.ScreenshotAsync("account-1280");
        await browser.AssertAccessibleAsync();

        await page.SetViewportSizeAsync(390, 844);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "Account scrolls sideways at 390 px");
        await browser.ScreenshotAsync("account-390");

        await page.SetViewportSizeAsync(1280, 860);
        await page.GetByRole(AriaRole.Link, new() { Name = "Open the audit log" }).ClickAsync();
        await page.WaitForURLAsync("**/Settings/Audit");
        var table = page.Locator("#audit-table");
        await Assertions.Expect(table).ToContainTextAsync("Company details changed");
        await Assertions.Expect(table).ToContainTextAsync("Fabrikam Inc, fabrikam.com, Software and IT services, 11–50 people, DE");
        await Assertions.Expect(table).ToContainTextAsync("Score visibility changed");
        await Assertions.Expect(table).ToContainTextAsync("Data retention changed");
        await Assertions.Expect(table).ToContainTextAsync("Microsoft 365 consent granted");
        await Assertions.Expect(table).ToContainTextAsync("127.0.0.1");
        await browser.ScreenshotAsync("audit-log-1280");
        await browser.AssertAccessibleAsync();

        await page.GetByLabel("What").SelectOptionAsync(new SelectOptionValue { Label = "Score visibility changed" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "1 entry" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#audit-table tbody tr")).ToHaveCountAsync(1);
        await browser.ScreenshotAsync("audit-log-filtered-1280");

        await page.SetViewportSizeAsync(390, 844);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The audit log scrolls sideways at 390 px");
        await browser.ScreenshotAsync("audit-log-filtered-390");
        await browser.AssertAccessibleAsync();
    }
}
