using Microsoft.Playwright;
using WorkSights.Domain.People;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.BrowserTests;

/// <summary>Privacy mode turned on in Account View, then the Dashboard under pseudonyms and a withheld small team, at 1280 and 390 px.</summary>
public sealed class PrivacyModeBrowserTests : IAsyncLifetime
{
    private const string SmallTeam = "Design studio";

    private readonly WorkSightsApp app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task OwnerTurnsOnPrivacyModeAndReadsPseudonymsAndAWithheldSmallTeam()
    {
        await using var browser = await BrowserSession.StartAsync("privacy-mode");
        var page = browser.Page;
        await BrowserJourney.SignUpAndAcceptAsync(page, app.BaseAddress, SandboxTenants.Fabrikam.AdminEmail);
        await app.SeedScoresAsync(SandboxTenants.Fabrikam.TenantId, days: 7);
        var workDay = ReportingSeed.LastWorkDay().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var email in new[] { SandboxTenants.Fabrikam.MemberEmail, SandboxTenants.Fabrikam.AdminEmail })
        {
            await app.ChangePersonAsync(SandboxTenants.Fabrikam.TenantId, email, p => p.ApplyDirectoryProfile(new DirectoryProfile(p.Email, p.DisplayName, SmallTeam, p.JobTitle, p.ManagerExternalId), DateTimeOffset.UtcNow));
        }

        await page.GotoAsync(new Uri(app.BaseAddress, "/Settings/Account").ToString());
        var privacy = page.Locator("#privacy-mode");
        await privacy.GetByLabel("Turn on privacy mode").CheckAsync();
        await privacy.GetByRole(AriaRole.Button, new() { Name = "Save privacy mode" }).ClickAsync();
        await Assertions.Expect(page.Locator("#privacy-mode").GetByRole(AriaRole.Status)).ToContainTextAsync("groups of 5 or more people are shown, under pseudonyms");
        await page.Locator("#privacy-mode").ScrollIntoViewIfNeededAsync();
        await browser.ScreenshotAsync("account-privacy-1280");
        await browser.AssertAccessibleAsync();

        await page.GotoAsync(new Uri(app.BaseAddress, $"/Dashboard?sort=score&date={workDay}").ToString());
        var rows = page.Locator("[data-person]");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        var names = await page.Locator("[data-person] .day-row-link").AllInnerTextsAsync();
        Assert.True(names.Count(n => n.StartsWith("Person ", StringComparison.Ordinal)) >= names.Count - 1, $"names shown: {string.Join(", ", names)}");
        await browser.ScreenshotAsync("dashboard-pseudonyms-1280");
        await browser.AssertAccessibleAsync();

        await page.GotoAsync(new Uri(app.BaseAddress, $"/Dashboard?date={workDay}&team={Uri.EscapeDataString(SmallTeam)}").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hidden to protect people's privacy" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("This selection has 2 people")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("withheld-1280");
        await browser.AssertAccessibleAsync();

        await page.SetViewportSizeAsync(390, 844);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The withheld page scrolls sideways at 390 px");
        await browser.ScreenshotAsync("withheld-390");
        await page.GetByRole(AriaRole.Link, new() { Name = "Show it without the team and manager filters" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-person]").First).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The Dashboard scrolls sideways at 390 px");
        await browser.ScreenshotAsync("dashboard-pseudonyms-390");

        await page.GotoAsync(new Uri(app.BaseAddress, "/Settings/Account").ToString());
        await page.Locator("#privacy-mode").ScrollIntoViewIfNeededAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "Account scrolls sideways at 390 px");
        await browser.ScreenshotAsync("account-privacy-390");
    }
}
