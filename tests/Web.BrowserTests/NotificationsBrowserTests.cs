using Microsoft.Playwright;
using WorkSights.Domain.People;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.BrowserTests;

/// <summary>The menu's notification count, the Notifications page and the choices on Personal settings, at 1280 and 390 px.</summary>
public sealed class NotificationsBrowserTests : IAsyncLifetime
{
    private readonly WorkSightsApp app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task OwnerSeesTheCountOpensTheNotificationsAndTurnsATopicOffAtBothWidths()
    {
        await using var browser = await BrowserSession.StartAsync("notifications");
        var page = browser.Page;
        await BrowserJourney.SignUpAndAcceptAsync(page, app.BaseAddress, SandboxTenants.Fabrikam.AdminEmail);
        await app.ChangePersonAsync(SandboxTenants.Fabrikam.TenantId, SandboxTenants.Fabrikam.MemberEmail, p => p.ChangeProvisioningState(ProvisioningState.New));

        await page.GotoAsync(new Uri(app.BaseAddress, "/Settings/Personal").ToString());
        var count = page.Locator("#notification-count");
        await Assertions.Expect(count).ToBeVisibleAsync();
        await Assertions.Expect(count).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[1-9][0-9]*$"));
        await Assertions.Expect(page.Locator("#menu-notification-count")).Not.ToBeVisibleAsync();

        // On a phone the link is folded away behind the Menu button, which carries the same number.
        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        var onMenu = page.Locator("#menu-notification-count");
        await Assertions.Expect(onMenu).ToBeVisibleAsync();
        await Assertions.Expect(onMenu).ToHaveTextAsync((await count.TextContentAsync())!);
        await Assertions.Expect(page.Locator("#menu-toggle")).ToHaveAttributeAsync("aria-expanded", "false");
        await browser.ScreenshotAsync("390-menu-count");
        await browser.AssertAccessibleAsync();
        await page.SetViewportSizeAsync(1280, 860);
        await page.ReloadAsync();

        await page.ClickAsync("a[href='/Notifications']");
        await page.WaitForURLAsync("**/Notifications");
        await Assertions.Expect(page.Locator("#notifications li[data-topic='PeopleToReview']")).ToContainTextAsync("waiting in User Provisioning");
        await browser.ScreenshotAsync("1280-notifications");
        await browser.AssertAccessibleAsync();

        await page.ClickAsync("a:has-text('Personal settings')");
        await page.UncheckAsync("#notify-PeopleToReview");
        await page.ClickAsync("#save-notifications");
        await Assertions.Expect(page.Locator("#notifications [role='status']")).ToContainTextAsync("Your notification choices are saved.");
        await Assertions.Expect(page.Locator("#notify-PeopleToReview")).Not.ToBeCheckedAsync();
        await page.Locator("#notifications").ScrollIntoViewIfNeededAsync();
        await browser.ScreenshotAsync("1280-personal-notifications");
        await browser.AssertAccessibleAsync();

        await page.SetViewportSizeAsync(390, 844);
        foreach (var path in new[] { "/Notifications", "/Settings/Personal" })
        {
            await page.GotoAsync(new Uri(app.BaseAddress, path).ToString());
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{path} scrolls sideways at 390 px");
            await browser.ScreenshotAsync(path == "/Notifications" ? "390-notifications" : "390-personal");
            await browser.AssertAccessibleAsync();
        }

        await page.GotoAsync(new Uri(app.BaseAddress, "/Notifications").ToString());
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Notifications");
        await Assertions.Expect(page.Locator("li[data-topic='PeopleToReview']")).ToHaveCountAsync(0);
    }
}
