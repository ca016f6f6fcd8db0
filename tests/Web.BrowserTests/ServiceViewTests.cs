using Microsoft.Playwright;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.BrowserTests;

public sealed class ServiceViewTests : IAsyncLifetime
{
    private readonly WorkSightsApp app = new() { ActivitySyncEnabled = true };

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task ServiceViewShowsSyncingThenImportedItemsTogglesAndThrottling()
    {
        await using var browser = await BrowserSession.StartAsync("service-view");
        var page = browser.Page;
        await BrowserJourney.SignUpAndAcceptAsync(page, app.BaseAddress, SandboxTenants.Fabrikam.AdminEmail);
        var services = new Uri(app.BaseAddress, "/Settings/Services").ToString();

        await page.GotoAsync(services);
        await browser.ScreenshotAsync("first-sync");
        await Assertions.Expect(page.Locator("#connection-status")).ToHaveTextAsync("Connected", new() { Timeout = 60_000 });
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-items='Email']")).Not.ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator("[data-items='Calendar']")).Not.ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator("[data-items='Calls']")).Not.ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator("[data-items='Logins']")).Not.ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator("tr[data-feature='Chat']")).ToContainTextAsync("On");
        await Assertions.Expect(page.Locator("#features")).Not.ToContainTextAsync("Not available yet");
        await Assertions.Expect(page.Locator("#audit-feed-hint")).ToContainTextAsync("audit log");
        await browser.ScreenshotAsync("connected");
        await browser.AssertAccessibleAsync();

        await page.ClickAsync("#toggle-calendar");
        await Assertions.Expect(page.Locator("tr[data-feature='Calendar']")).ToContainTextAsync("Off");
        await browser.ScreenshotAsync("calendar-off");

        app.Sandbox.Faults.Throttle(500, 600);
        await page.ClickAsync("#sync-now");
        await Assertions.Expect(page.Locator("#connection-status")).ToHaveTextAsync("Throttled", new() { Timeout = 30_000 });
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#throttled-until")).ToContainTextAsync("syncing resumes after");
        await browser.ScreenshotAsync("throttled");
        await browser.AssertAccessibleAsync();
        app.Sandbox.Faults.Reset();

        await page.ClickAsync("#disconnect");
        await Assertions.Expect(page.Locator("#disconnect-confirm")).ToContainTextAsync("Disconnect from Microsoft 365?");
        await Assertions.Expect(page.Locator("#connection-status")).Not.ToHaveTextAsync("Disconnected");
        await browser.ScreenshotAsync("disconnect-confirm");
        await browser.AssertAccessibleAsync();
        await page.ClickAsync("#disconnect-confirmed");
        await Assertions.Expect(page.Locator("#connection-status")).ToHaveTextAsync("Disconnected");
        await browser.ScreenshotAsync("disconnected");
        await page.ClickAsync("#connect");
        await Assertions.Expect(page.Locator("#services-message")).ToContainTextAsync("Connected again");
    }
}
