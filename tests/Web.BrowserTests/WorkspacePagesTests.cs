using Microsoft.Playwright;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.BrowserTests;

public sealed class WorkspacePagesTests : IAsyncLifetime
{
    private readonly WorkSightsApp app = new() { ActivitySyncEnabled = true };

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task EveryWorkspacePageLoadsAccessiblyForTheOwner()
    {
        await using var browser = await BrowserSession.StartAsync("workspace-pages");
        var page = browser.Page;
        await BrowserJourney.SignUpAndAcceptAsync(page, app.BaseAddress, SandboxTenants.Fabrikam.AdminEmail);

        var pages = new (string Path, string Heading, string NavItem)[]
        {
            ("/Dashboard", "Dashboard", "/Dashboard"),
            ("/Activities/Stream", "Activity Stream", "/Activities/Stream"),
            ("/Activities/Map", "Map", "/Activities/Map"),
            ("/Reports/ScoreReport", "Score Report", "/Reports/ScoreReport"),
            ("/Overviews/My", "My Overview", "/Overviews/My"),
            ("/Overviews/Executive", "Executive Overview", "/Overviews/Executive"),
            ("/Settings/Account", "Account", "/Settings/Account"),
            ("/Settings/Services", "Services", "/Settings/Services"),
            ("/Settings/Users", "Users", "/Settings/Users"),
            ("/Settings/Users/Provisioning", "User Provisioning", "/Settings/Users"),
            ("/Settings/Personal", "Personal", "/Settings/Personal"),
        };
        foreach (var (path, heading, navItem) in pages)
        {
            await page.GotoAsync(new Uri(app.BaseAddress, path).ToString());
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
            await Assertions.Expect(page.Locator($".sidebar a[href='{navItem}']")).ToHaveAttributeAsync("aria-current", "page");
            await browser.ScreenshotAsync(path.Trim('/').Replace('/', '-').ToLowerInvariant());
            await browser.AssertAccessibleAsync();
        }

        await page.GotoAsync(new Uri(app.BaseAddress, "/Settings/Users/Provisioning").ToString());
        await page.ClickAsync($"tr[data-email='{SandboxTenants.Fabrikam.MemberEmail}'] a");
        await Assertions.Expect(page.Locator("dd").First).ToHaveTextAsync(SandboxTenants.Fabrikam.MemberEmail);
        await browser.ScreenshotAsync("person");
        await browser.AssertAccessibleAsync();

        await page.GotoAsync(new Uri(app.BaseAddress, "/Settings/Users/Provisioning?search=lena").ToString());
        await Assertions.Expect(page.Locator("#provisioning-table tbody tr")).ToHaveCountAsync(1);

        await page.GotoAsync(new Uri(app.BaseAddress, "/no-such-page").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");
        await browser.ScreenshotAsync("not-found");
        await browser.AssertAccessibleAsync();
    }

    [Fact]
    public async Task RevokedConsentShowsOnServicesAndReconnectRestoresIt()
    {
        await using var browser = await BrowserSession.StartAsync("revocation");
        var page = browser.Page;
        await BrowserJourney.SignUpAndAcceptAsync(page, app.BaseAddress, SandboxTenants.Fabrikam.AdminEmail);
        await page.GotoAsync(new Uri(app.BaseAddress, "/Settings/Services").ToString());
        await Assertions.Expect(page.Locator("#connection-status")).ToHaveTextAsync("Connected", new() { Timeout = 60_000 });
        await browser.ScreenshotAsync("connected");

        app.Sandbox.Directory.RevokeConsent(SandboxTenants.Fabrikam.TenantId, WorkSightsApp.ClientId);
        await page.ClickAsync("#sync-now");

        await Assertions.Expect(page.Locator("#connection-status")).ToHaveTextAsync("Consent revoked");
        await Assertions.Expect(page.Locator("#services-message")).ToContainTextAsync("consent was revoked");
        await browser.ScreenshotAsync("consent-revoked");
        await browser.AssertAccessibleAsync();

        await page.ClickAsync("#reconnect");
        await page.ClickAsync("#accept");
        await page.WaitForURLAsync("**/Settings/Services?message=reconnected");
        await Assertions.Expect(page.Locator("#services-message")).ToContainTextAsync("connected again");
        await Assertions.Expect(page.Locator("#connection-status")).ToHaveTextAsync("Connected", new() { Timeout = 60_000 });
        await browser.ScreenshotAsync("reconnected");
    }

    [Fact]
    public async Task NonAdministratorIsShownHowToForwardTheRequest()
    {
        await using var browser = await BrowserSession.StartAsync("not-an-admin");
        var page = browser.Page;

        await BrowserJourney.SignUpAsync(page, app.BaseAddress, SandboxTenants.Northwind.AdminEmail);
        await page.ClickAsync("#continue-to-consent");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Need admin approval");
        await browser.ScreenshotAsync("need-admin-approval");
        await page.ClickAsync("#back-to-app");

        await page.WaitForURLAsync("**/Onboarding/AdminRequired");
        await Assertions.Expect(page.Locator("#forward-link")).ToHaveValueAsync(new Uri(app.BaseAddress, "/SignUp").ToString());
        await Assertions.Expect(page.Locator("#email-admin")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^mailto:"));
        await browser.ScreenshotAsync("administrator-required");
        await browser.AssertAccessibleAsync();
    }

    [Fact]
    public async Task PersonWhoIsNotAnAdministratorSeesWhoMustFinishOnceConsentWasGrantedOutsideWorkSights()
    {
        await using var browser = await BrowserSession.StartAsync("awaiting-owner");
        var page = browser.Page;
        await BrowserJourney.SignUpAsync(page, app.BaseAddress, SandboxTenants.Contoso.MemberEmail);
        await page.ClickAsync("#continue-to-consent");
        await page.ClickAsync("#back-to-app");
        await page.WaitForURLAsync("**/Onboarding/AdminRequired");

        // The administrator approves in Microsoft's own admin centre: no answer comes back to WorkSights.
        app.Sandbox.Directory.GrantConsent(SandboxTenants.Contoso.TenantId, WorkSightsApp.ClientId);
        await page.GotoAsync(new Uri(app.BaseAddress, "/Login").ToString());
        await page.ClickAsync("#sign-in-microsoft");
        await page.ClickAsync($"[data-account='{SandboxTenants.Contoso.MemberEmail}']");
        await page.WaitForURLAsync("**/Onboarding/AdminRequired?reason=finish");

        await Assertions.Expect(page.Locator("#awaiting-owner")).ToContainTextAsync("not a Global Administrator or Privileged Role Administrator");
        await browser.ScreenshotAsync("awaiting-owner");
        await page.SetViewportSizeAsync(390, 844);
        await browser.ScreenshotAsync("awaiting-owner-phone");
        await browser.AssertAccessibleAsync();
    }

    [Fact]
    public async Task SignInPagesExplainWhatHappened()
    {
        await using var browser = await BrowserSession.StartAsync("sign-in");
        var page = browser.Page;

        await page.GotoAsync(new Uri(app.BaseAddress, "/Login").ToString());
        await Assertions.Expect(page.Locator("#sign-in-microsoft")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("login");
        await browser.AssertAccessibleAsync();

        await page.ClickAsync("#sign-in-microsoft");
        await page.ClickAsync($"[data-account='{SandboxTenants.Contoso.MemberEmail}']");
        await page.WaitForURLAsync("**/SignUp?reason=no-workspace");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("does not have a WorkSights workspace yet");
        await browser.ScreenshotAsync("no-workspace");

        await page.GotoAsync(new Uri(app.BaseAddress, "/Login?error=no-access").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not been given login access");
        await browser.ScreenshotAsync("no-access");
        await browser.AssertAccessibleAsync();
    }

    [Fact]
    public async Task AccountSetupShowsEveryInvalidFieldInline()
    {
        await using var browser = await BrowserSession.StartAsync("account-setup-validation");
        var page = browser.Page;
        await BrowserJourney.SignUpAndAcceptAsync(page, app.BaseAddress, SandboxTenants.Fabrikam.AdminEmail);
        await page.GotoAsync(new Uri(app.BaseAddress, "/Onboarding/AccountSetup").ToString());

        await page.FillAsync("#Input_CompanyName", string.Empty);
        await page.FillAsync("#Input_PrimaryDomain", "not a domain");
        await page.FillAsync("#Input_ScheduleStart", "18:00");
        await page.FillAsync("#Input_ScheduleEnd", "09:00");
        await page.FillAsync("#Input_DefaultTargetPercent", "500");
        await page.ClickAsync("#save-account-setup");

        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.CompanyName']")).ToHaveTextAsync("Enter the company name.");
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.PrimaryDomain']")).ToHaveTextAsync("Enter a domain such as contoso.com.");
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.Industry']")).ToHaveTextAsync("Choose an industry from the list.");
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.ScheduleEnd']")).ToHaveTextAsync("The working day must end after it starts.");
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.DefaultTargetPercent']")).ToHaveTextAsync("The target must be between 10 % and 150 %.");
        await Assertions.Expect(page.Locator("#Input_PrimaryDomain")).ToHaveValueAsync("not a domain");
        await browser.ScreenshotAsync("invalid");
        await browser.AssertAccessibleAsync();
    }
}
