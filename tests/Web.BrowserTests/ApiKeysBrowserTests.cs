using System.Net.Http.Headers;
using System.Text;
using Microsoft.Playwright;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.BrowserTests;

/// <summary>The API keys page at 1280 and 390 px: an Owner creates a key, copies its secret shown once on the page after the form (a refresh no longer shows it), and revokes it.</summary>
public sealed class ApiKeysBrowserTests : IAsyncLifetime
{
    private readonly WorkSightsApp app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task OwnerCreatesAKeyCopiesTheSecretShownOnceAndRevokesIt()
    {
        await using var browser = await BrowserSession.StartAsync("api-keys");
        var page = browser.Page;
        await browser.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = app.BaseAddress.GetLeftPart(UriPartial.Authority) });
        await BrowserJourney.SignUpAndAcceptAsync(page, app.BaseAddress, SandboxTenants.Fabrikam.AdminEmail);

        await page.GotoAsync(new Uri(app.BaseAddress, "/Settings/Account").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "Manage API keys" }).ClickAsync();
        await page.WaitForURLAsync("**/Settings/ApiKeys");
        await Assertions.Expect(page.Locator("#no-keys")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("empty-1280");
        await browser.AssertAccessibleAsync();

        var form = page.Locator("#create-key-form");
        await form.GetByLabel("Name").FillAsync("Payroll export");
        await form.GetByLabel("People").CheckAsync();
        await form.GetByLabel("Score Report (everyone's scores)").CheckAsync();
        await form.GetByLabel("Expires").SelectOptionAsync(new SelectOptionValue { Label = "In a year" });
        await form.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();

        // The form's answer is a redirect: the browser lands on the page by a GET, which shows the secret this once.
        await page.WaitForURLAsync("**/Settings/ApiKeys#new-key");
        var created = page.Locator("#new-key");
        await Assertions.Expect(created).ToContainTextAsync("Copy the secret now: it will not be shown again");
        var clientId = await page.Locator("#new-client-id").InputValueAsync();
        var secret = await page.Locator("#new-secret").InputValueAsync();
        Assert.StartsWith("wsk_", clientId, StringComparison.Ordinal);
        Assert.StartsWith("wss_", secret, StringComparison.Ordinal);
        await created.GetByRole(AriaRole.Button, new() { Name = "Copy" }).Nth(1).ClickAsync();
        await Assertions.Expect(page.Locator("#copy-status")).ToHaveTextAsync("Secret copied.");
        Assert.Equal(secret, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await Assertions.Expect(page.Locator("#api-keys-table")).ToContainTextAsync("Payroll export");
        await Assertions.Expect(page.Locator("#api-keys-table")).ToContainTextAsync("Workspace, People, Score Report");
        await browser.ScreenshotAsync("created-1280");
        await browser.AssertAccessibleAsync();

        // The key works, as a program would use it, and its use shows on the page.
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Post, "/api/v1/token") { Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]) };
        tokenRequest.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        using var token = await http.SendAsync(tokenRequest);
        Assert.True(token.IsSuccessStatusCode, $"token: {(int)token.StatusCode}");

        await page.SetViewportSizeAsync(390, 844);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The API keys page scrolls sideways at 390 px");
        // The redirect's #new-key scrolled the page; a full-page picture taken scrolled draws the sticky menu bar mid-page.
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await browser.ScreenshotAsync("created-390");

        // A refresh asks for the page again, posts nothing and no longer shows the secret.
        await page.SetViewportSizeAsync(1280, 860);
        await page.ReloadAsync();
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#new-key")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#api-keys-table tbody tr")).ToHaveCountAsync(1);
        await browser.ScreenshotAsync("reloaded-1280");
        await Assertions.Expect(page.Locator("#api-keys-table tbody tr").First).Not.ToContainTextAsync("Never");

        await page.GetByRole(AriaRole.Link, new() { Name = "Revoke Payroll export" }).ClickAsync();
        var confirm = page.Locator("#revoke-confirm");
        await Assertions.Expect(confirm).ToContainTextAsync("Revoke “Payroll export”?");
        await browser.ScreenshotAsync("revoke-confirm-1280");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Yes, revoke" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The key is revoked");
        await Assertions.Expect(page.Locator("#api-keys-table")).ToContainTextAsync("Revoked");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Revoke Payroll export" })).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("revoked-1280");
        await browser.AssertAccessibleAsync();

        await page.SetViewportSizeAsync(390, 844);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The API keys page scrolls sideways at 390 px");
        await browser.ScreenshotAsync("revoked-390");
        await browser.AssertAccessibleAsync();
    }
}
