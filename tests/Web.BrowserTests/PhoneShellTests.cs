using Microsoft.Playwright;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.BrowserTests;

/// <summary>The workspace shell at a phone's 390 × 844 (an iPhone 12–14) and at 1280 px.</summary>
public sealed class PhoneShellTests : IAsyncLifetime
{
    private readonly WorkSightsApp app = new() { ActivitySyncEnabled = true };

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task SidebarIsAMenuAndServicesFitsGivenAPhone()
    {
        await using var browser = await BrowserSession.StartAsync("phone-shell");
        var page = browser.Page;
        await page.SetViewportSizeAsync(390, 844);
        await BrowserJourney.SignUpAndAcceptAsync(page, app.BaseAddress, SandboxTenants.Fabrikam.AdminEmail);
        await page.GotoAsync(new Uri(app.BaseAddress, "/Settings/Services").ToString());
        await Assertions.Expect(page.Locator("#connection-status")).ToHaveTextAsync("Connected", new() { Timeout = 60_000 });

        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        var servicesLink = page.Locator(".sidebar nav a[href='/Settings/Services']");
        await Assertions.Expect(menu).ToBeVisibleAsync();
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-controls", "app-menu");
        await Assertions.Expect(servicesLink).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#features")).ToBeVisibleAsync();
        Assert.True(await FitsTheWidthAsync(page), "the closed-menu page scrolls sideways at 390 px");
        Assert.True(
            await page.Locator("#features").EvaluateAsync<bool>("table => table.parentElement.scrollWidth <= table.parentElement.clientWidth"),
            "the features table is wider than its card at 390 px");
        await browser.ScreenshotAsync("390-menu-closed");
        await browser.AssertAccessibleAsync();

        await menu.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(servicesLink).ToBeVisibleAsync();
        await Assertions.Expect(servicesLink).ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(page.Locator(".sidebar-foot button", new() { HasText = "Sign out" })).ToBeVisibleAsync();
        Assert.True(await FitsTheWidthAsync(page), "the open menu scrolls sideways at 390 px");
        await browser.ScreenshotAsync("390-menu-open");
        await browser.AssertAccessibleAsync();

        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator(".sidebar nav a").First).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(servicesLink).ToBeHiddenAsync();
        await Assertions.Expect(menu).ToBeFocusedAsync();

        await menu.ClickAsync();
        await servicesLink.ClickAsync();
        await page.WaitForURLAsync("**/Settings/Services");
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");

        await page.SetViewportSizeAsync(1280, 860);
        await Assertions.Expect(menu).ToBeHiddenAsync();
        await Assertions.Expect(servicesLink).ToBeVisibleAsync();
        Assert.True(await FitsTheWidthAsync(page), "the page scrolls sideways at 1280 px");
        await browser.ScreenshotAsync("1280");
        await browser.AssertAccessibleAsync();
    }

    [Fact]
    public async Task NavigationStaysReachableGivenNoJavaScript()
    {
        await using var browser = await BrowserSession.StartAsync("phone-shell-no-script");
        var page = browser.Page;
        await page.SetViewportSizeAsync(390, 844);
        await BrowserJourney.SignUpAndAcceptAsync(page, app.BaseAddress, SandboxTenants.Fabrikam.AdminEmail);

        await using var scriptless = await browser.Context.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = false,
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            StorageState = await browser.Context.StorageStateAsync(),
        });
        var plain = await scriptless.NewPageAsync();
        await plain.GotoAsync(new Uri(app.BaseAddress, "/Settings/Services").ToString());

        await Assertions.Expect(plain.Locator("#menu-toggle")).ToBeHiddenAsync();
        await Assertions.Expect(plain.Locator(".sidebar nav a[href='/Settings/Services']")).ToBeVisibleAsync();
        await Assertions.Expect(plain.Locator(".sidebar nav a[href='/Dashboard']")).ToBeVisibleAsync();
        Assert.True(await FitsTheWidthAsync(plain), "the script-less page scrolls sideways at 390 px");
        await plain.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(browser.ScreenshotFolder, "390-no-script.png"), FullPage = true });
    }

    private static Task<bool> FitsTheWidthAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");
}
