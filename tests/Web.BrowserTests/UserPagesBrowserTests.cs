using Microsoft.Playwright;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.BrowserTests;

/// <summary>Add and Manage Users: the directory with a filter and a bulk change, and a person's Profile form, at 1280 and 390 px.</summary>
public sealed class UserPagesBrowserTests : IAsyncLifetime
{
    private readonly WorkSightsApp app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task OwnerFiltersTheDirectoryChangesATeamAndEditsAPersonAtBothWidths()
    {
        await using var browser = await BrowserSession.StartAsync("users");
        var page = browser.Page;
        await BrowserJourney.SignUpAndAcceptAsync(page, app.BaseAddress, SandboxTenants.Fabrikam.AdminEmail);

        await page.GotoAsync(new Uri(app.BaseAddress, "/Settings/Users").ToString());
        await page.SelectOptionAsync("#role", "Member");
        await page.FillAsync("#q", "a");
        await page.ClickAsync(".directory-filters button[type='submit']");
        await Assertions.Expect(page.Locator(".directory-count")).ToContainTextAsync("match");
        Assert.Contains("role=Member", page.Url, StringComparison.Ordinal);
        await page.Locator("#directory-table tbody input[type='checkbox']").First.CheckAsync();
        await page.Locator("#directory-table tbody input[type='checkbox']").Nth(1).CheckAsync();
        await page.ClickAsync(".bulk summary");
        await page.SelectOptionAsync("#bulk-kind", "Team");
        await page.FillAsync("#bulk-team", "Customer success");
        await page.ClickAsync("#bulk-form button[type='submit']");
        await Assertions.Expect(page.Locator("[role='status'].alert-success")).ToContainTextAsync("2 people changed.");
        Assert.Contains("role=Member", page.Url, StringComparison.Ordinal);
        await browser.ScreenshotAsync("1280-directory");
        await browser.AssertAccessibleAsync();

        // The manager filter suggests managers as a name is typed, and filters by the one picked.
        await page.GotoAsync(new Uri(app.BaseAddress, "/Settings/Users").ToString());
        await page.Locator("#manager").PressSequentiallyAsync("a");
        var suggestion = page.Locator("#manager-options option").First;
        await Assertions.Expect(suggestion).ToHaveAttributeAsync("value", new System.Text.RegularExpressions.Regex("@"));
        var managerEmail = await suggestion.GetAttributeAsync("value");
        await page.FillAsync("#manager", managerEmail!);
        await page.ClickAsync(".directory-filters button[type='submit']");
        await page.WaitForURLAsync("**manager=**");
        await Assertions.Expect(page.Locator(".directory-count")).ToContainTextAsync("match");
        await Assertions.Expect(page.Locator("#manager")).ToHaveValueAsync(managerEmail!);
        await browser.ScreenshotAsync("1280-directory-by-manager");

        await page.Locator("#directory-table tbody th a").First.ClickAsync();
        await page.FillAsync("#Edit_Position", "Team lead");
        await page.SelectOptionAsync("#Edit_Role", "Manager");
        await page.CheckAsync("#Edit_HasLoginAccess");
        await page.ClickAsync("#person-form button[type='submit']");
        await Assertions.Expect(page.Locator("#profile [role='status']")).ToContainTextAsync("Changes saved.");
        await Assertions.Expect(page.Locator("#sign-in-link")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/Login\\?login_hint="));
        await browser.ScreenshotAsync("1280-person");
        await browser.AssertAccessibleAsync();
        var personPath = new Uri(page.Url).AbsolutePath;

        await page.SetViewportSizeAsync(390, 844);
        foreach (var path in new[] { "/Settings/Users?role=Member&sort=Team", personPath })
        {
            await page.GotoAsync(new Uri(app.BaseAddress, path).ToString());
            await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{path} scrolls sideways at 390 px");
            await browser.ScreenshotAsync(path == personPath ? "390-person" : "390-directory");
        }
    }
}
