using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.BrowserTests;

/// <summary>The User Provisioning review with a bulk change, the Not imported tab and the joiners option, at 1280 and 390 px.</summary>
public sealed class ProvisioningBrowserTests : IAsyncLifetime
{
    private readonly WorkSightsApp app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task OwnerBlocksTwoIdentitiesThenTakesTheWholeBlockedTabAsNewAtBothWidths()
    {
        await using var browser = await BrowserSession.StartAsync("provisioning");
        var page = browser.Page;
        app.Sandbox.Directory.AddUser(SandboxTenants.Fabrikam.TenantId, "Fabrikam Orders", mailboxPurpose: "shared");
        app.Sandbox.Directory.AddUser(SandboxTenants.Fabrikam.TenantId, "Lake Room", mailboxPurpose: "room");
        app.Sandbox.Directory.AddUser(SandboxTenants.Fabrikam.TenantId, "Projector Cart", mailboxPurpose: "equipment");
        app.Sandbox.Directory.AddUser(SandboxTenants.Fabrikam.TenantId, "Ravi Shah", guestMail: "ravi@contractor.example");
        await BrowserJourney.SignUpAndAcceptAsync(page, app.BaseAddress, SandboxTenants.Fabrikam.AdminEmail);

        await page.GotoAsync(new Uri(app.BaseAddress, "/Settings/Users/Provisioning?state=New").ToString());
        await page.Locator("#provisioning-table tbody input[type='checkbox']").First.CheckAsync();
        await page.Locator("#provisioning-table tbody input[type='checkbox']").Nth(1).CheckAsync();
        await page.ClickAsync(".bulk summary");
        await page.SelectOptionAsync("#review-state", "Blocked");
        await page.ClickAsync("#review-form button[type='submit']");
        await Assertions.Expect(page.Locator("#review-notice")).ToContainTextAsync("2 identities are now Blocked.");
        Assert.Contains("state=New", page.Url, StringComparison.Ordinal);

        await page.GotoAsync(new Uri(app.BaseAddress, "/Settings/Users/Provisioning?state=Blocked").ToString());
        await Assertions.Expect(page.Locator("#provisioning-table tbody tr")).ToHaveCountAsync(2);
        await page.ClickAsync(".bulk summary");
        await browser.ScreenshotAsync("1280-blocked-tab");
        await browser.AssertAccessibleAsync();
        await page.SelectOptionAsync("#review-who", "true");
        await page.SelectOptionAsync("#review-state", "New");
        await page.ClickAsync("#review-form button[type='submit']");
        await Assertions.Expect(page.Locator("#review-notice")).ToContainTextAsync("2 identities are now New.");
        await browser.ScreenshotAsync("1280-after-bulk");

        await page.GotoAsync(new Uri(app.BaseAddress, "/Settings/Users/Provisioning?search=aisha").ToString());
        await page.Locator("#provisioning-table tbody input[type='checkbox']").First.CheckAsync();
        await page.ClickAsync(".bulk summary");
        await page.SelectOptionAsync("#review-state", "Link");
        await Assertions.Expect(page.Locator("#link-people option[value='lena.fischer@fabrikam.com']")).ToHaveAttributeAsync("value", "lena.fischer@fabrikam.com");
        await page.FillAsync("#review-target", "lena.fischer@fabrikam.com");
        await page.ClickAsync("#review-form button[type='submit']");
        await Assertions.Expect(page.Locator("#review-notice")).ToContainTextAsync("1 identity is now linked to lena.fischer@fabrikam.com.");
        await Assertions.Expect(page.Locator(".link-target")).ToContainTextAsync("Linked to Lena Fischer (lena.fischer@fabrikam.com)");
        await browser.ScreenshotAsync("1280-linked");

        await page.ClickAsync("[data-state='NotImported']");
        await Assertions.Expect(page.Locator("#not-imported-table tbody tr")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("tr[data-email='fabrikam.orders@fabrikam.com'] .state")).ToHaveTextAsync("Shared mailbox");
        await Assertions.Expect(page.Locator("tr[data-email='lake.room@fabrikam.com'] .state")).ToHaveTextAsync("Meeting room");
        await Assertions.Expect(page.Locator("tr[data-email='ravi@contractor.example'] .state")).ToHaveTextAsync("Guest account");
        await Assertions.Expect(page.Locator("tr[data-email='ravi@contractor.example']")).ToContainTextAsync("Someone from another organisation");
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("#EXT#");
        await browser.ScreenshotAsync("1280-not-imported");
        await browser.AssertAccessibleAsync();

        await page.CheckAsync("#accept-joiners");
        await page.ClickAsync("#joiners-form button[type='submit']");
        await Assertions.Expect(page.Locator("#review-notice")).ToContainTextAsync("Joiners are now accepted automatically");
        await Assertions.Expect(page.Locator("#accept-joiners")).ToBeCheckedAsync();
        Assert.Contains("view=not-imported", page.Url, StringComparison.Ordinal);

        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(new Uri(app.BaseAddress, "/Settings/Users/Provisioning?state=Link").ToString());
        await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "Provisioning scrolls sideways at 390 px");
        await browser.ScreenshotAsync("390-provisioning");

        await page.GotoAsync(new Uri(app.BaseAddress, "/Settings/Users/Provisioning?view=not-imported").ToString());
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "Not imported scrolls sideways at 390 px");
        await browser.ScreenshotAsync("390-not-imported");
    }

    [Fact]
    public async Task OwnerSeesAConvertedMailboxAndImportsAGuestAnywayAtBothWidths()
    {
        await using var browser = await BrowserSession.StartAsync("provisioning-import-anyway");
        var page = browser.Page;
        var fabrikam = SandboxTenants.Fabrikam.TenantId;
        app.Sandbox.Directory.AddUser(fabrikam, "Fabrikam Support", mailboxPurpose: "shared");
        app.Sandbox.Directory.AddUser(fabrikam, "Ravi Shah", guestMail: "ravi@contractor.example");
        await BrowserJourney.SignUpAndAcceptAsync(page, app.BaseAddress, SandboxTenants.Fabrikam.AdminEmail);
        var converted = app.Sandbox.Directory.GetUsers(fabrikam)
            .Where(u => u.UserType == "Member" && u.AccountEnabled && u.AssignedLicenseSkuIds.Count > 0 && u.Mail != SandboxTenants.Fabrikam.AdminEmail)
            .OrderBy(u => u.DisplayName).First();
        app.Sandbox.Directory.UpdateUser(fabrikam, converted.Id, mailboxPurpose: "shared");
        await page.GotoAsync(new Uri(app.BaseAddress, "/Settings/Services").ToString());
        await page.ClickAsync("#sync-now-form button[type='submit']");

        await page.GotoAsync(new Uri(app.BaseAddress, "/Settings/Users/Provisioning?view=not-imported").ToString());
        await Assertions.Expect(page.Locator($"#converted-table tr[data-email='{converted.Mail}']")).ToContainTextAsync("Became a shared mailbox on");
        await Assertions.Expect(page.Locator($"#converted-table tr[data-email='{converted.Mail}'] button")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("tr[data-email='ravi@contractor.example'] button")).ToHaveTextAsync("Import anyway");
        await Assertions.Expect(page.Locator("tr[data-email='fabrikam.support@fabrikam.com'] button")).ToHaveTextAsync("Import anyway");
        await browser.ScreenshotAsync("1280-not-imported-and-converted");
        await browser.AssertAccessibleAsync();

        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "Not imported with a converted mailbox scrolls sideways at 390 px");
        await browser.ScreenshotAsync("390-not-imported-and-converted");

        await page.ClickAsync("tr[data-email='ravi@contractor.example'] button");
        await Assertions.Expect(page.Locator("#review-notice")).ToContainTextAsync("Imported anyway");
        await page.GotoAsync(new Uri(app.BaseAddress, "/Settings/Users/Provisioning?state=New&search=ravi").ToString());
        await Assertions.Expect(page.Locator("tr[data-email='ravi@contractor.example'] .imported-anyway")).ToHaveTextAsync("Imported anyway: guest account");
        await page.ClickAsync("tr[data-email='ravi@contractor.example'] a:has-text('Back to Not imported')");
        await Assertions.Expect(page.Locator("#undo-confirm")).ToContainTextAsync("Send Ravi Shah back to Not imported?");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The undo confirmation scrolls sideways at 390 px");
        await browser.ScreenshotAsync("390-undo-confirm");

        await page.SetViewportSizeAsync(1280, 900);
        await page.ClickAsync($"#mailbox-{await PersonIdAsync(converted.Id)} button:has-text('Keep reporting')");
        await Assertions.Expect(page.Locator("#review-notice")).ToContainTextAsync("Still reported");
        await Assertions.Expect(page.Locator("#converted-mailboxes")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("1280-after-keep");
    }

    private Task<Guid> PersonIdAsync(string externalId) =>
        app.InWorkspaceAsync(SandboxTenants.Fabrikam.TenantId, db => db.People.AsNoTracking().Where(p => p.ExternalId == externalId).Select(p => p.Id).SingleAsync());
}
