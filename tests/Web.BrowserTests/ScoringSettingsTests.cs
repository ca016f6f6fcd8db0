using Microsoft.Playwright;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.BrowserTests;

/// <summary>Account View's Scoring section: an Owner tunes the crediting table, is told what is wrong, saves and resets it.</summary>
public sealed class ScoringSettingsTests : IAsyncLifetime
{
    private readonly WorkSightsApp app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task OwnerSavesATunedTableAndResetsItToTheDefaults()
    {
        await using var browser = await BrowserSession.StartAsync("scoring-settings");
        var page = browser.Page;
        await BrowserJourney.SignUpAndAcceptAsync(page, app.BaseAddress, SandboxTenants.Fabrikam.AdminEmail);
        await page.GotoAsync(new Uri(app.BaseAddress, "/Settings/Account").ToString());
        var scoring = page.Locator("#scoring");
        await Assertions.Expect(scoring.Locator("#model-version")).ToHaveTextAsync("1:300,60,120,180,60,36000");

        await scoring.GetByLabel("Sent email (minutes)").FillAsync("61");
        await scoring.GetByRole(AriaRole.Button, new() { Name = "Save crediting table" }).ClickAsync();
        await Assertions.Expect(page.Locator("#scoring")).ToContainTextAsync("A sent email must be credited between 0 and 60 minutes.");
        await browser.ScreenshotAsync("refused");
        await browser.AssertAccessibleAsync();

        await page.Locator("#scoring").GetByLabel("Sent email (minutes)").FillAsync("10");
        await page.Locator("#scoring").GetByLabel("Longest scored item (hours)").FillAsync("8");
        await page.Locator("#scoring").GetByRole(AriaRole.Button, new() { Name = "Save crediting table" }).ClickAsync();
        scoring = page.Locator("#scoring");
        await Assertions.Expect(scoring.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved. Every day of everyone is being recomputed");
        await Assertions.Expect(scoring.Locator("#model-version")).ToHaveTextAsync("1:600,60,120,180,60,28800");
        await Assertions.Expect(scoring.GetByLabel("Sent email (minutes)")).ToHaveValueAsync("10");
        await browser.ScreenshotAsync("saved-1280");
        await browser.AssertAccessibleAsync();

        await page.SetViewportSizeAsync(390, 844);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "Account scrolls sideways at 390 px");
        await browser.ScreenshotAsync("saved-390");

        await scoring.GetByRole(AriaRole.Button, new() { Name = "Reset to defaults" }).ClickAsync();
        await Assertions.Expect(page.Locator("#scoring").GetByRole(AriaRole.Status)).ToContainTextAsync("Back to the defaults.");
        await Assertions.Expect(page.Locator("#model-version")).ToHaveTextAsync("1:300,60,120,180,60,36000");
        await Assertions.Expect(page.Locator("#scoring").GetByLabel("Sent email (minutes)")).ToHaveValueAsync("5");
    }
}
