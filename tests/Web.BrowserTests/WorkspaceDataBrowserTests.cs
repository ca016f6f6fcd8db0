using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using WorkSights.Domain.People;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.BrowserTests;

/// <summary>Account View's export and delete section and User View's download of one's own data, at 1280 and 390 px.</summary>
public sealed class WorkspaceDataBrowserTests : IAsyncLifetime
{
    private static readonly SandboxTenantInfo Fabrikam = SandboxTenants.Fabrikam;

    private readonly WorkSightsApp app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task OwnerSeesRowCountsDownloadsBothExportsAndTheirOwnDataThenDeletesTheWorkspace()
    {
        await using var browser = await BrowserSession.StartAsync("workspace-data");
        var page = browser.Page;
        await BrowserJourney.SignUpAndAcceptAsync(page, app.BaseAddress, Fabrikam.AdminEmail);
        await app.SeedTypicalDayAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, ReportingSeed.LastWorkDay());
        await app.InWorkspaceAsync(Fabrikam.TenantId, async db =>
        {
            var member = await db.People.SingleAsync(p => p.Email == Fabrikam.MemberEmail);
            db.ErasureRequests.Add(ErasureRequest.By(member, DateTimeOffset.UtcNow));
            return true;
        });

        await page.GotoAsync(new Uri(app.BaseAddress, "/Settings/Account#workspace-data").ToString());
        var section = page.Locator("#workspace-data");
        await Assertions.Expect(section.Locator("#export-files")).ToContainTextAsync("activities");
        await Assertions.Expect(section.Locator("#erasure-requests")).ToContainTextAsync("Lena");
        await section.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(browser.ScreenshotFolder, "1280-workspace-data.png") });
        await browser.AssertAccessibleAsync();

        var csv = await DownloadAsync(page, "#export-form button[type='submit']");
        Assert.Equal(new[] { "people.csv", "activities.csv", "person-days.csv", "audit-log.csv" }, csv);
        await page.CheckAsync("#export-form input[value='Json']");
        var json = await DownloadAsync(page, "#export-form button[type='submit']");
        Assert.Equal(new[] { "people.json", "activities.json", "person-days.json", "audit-log.json" }, json);

        await page.GotoAsync(new Uri(app.BaseAddress, "/Settings/Personal#my-data").ToString());
        await Assertions.Expect(page.Locator("#my-data")).ToContainTextAsync("Download my data");
        await page.Locator("#my-data").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(browser.ScreenshotFolder, "1280-my-data.png") });
        await browser.AssertAccessibleAsync();
        var mine = await DownloadAsync(page, "#download-my-data");
        Assert.Contains("profile.json", mine);

        await page.SetViewportSizeAsync(390, 844);
        foreach (var (path, id) in new[] { ("/Settings/Account#workspace-data", "workspace-data"), ("/Settings/Personal#my-data", "my-data") })
        {
            await page.GotoAsync(new Uri(app.BaseAddress, path).ToString());
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{path} scrolls sideways at 390 px");
            await page.Locator($"#{id}").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(browser.ScreenshotFolder, $"390-{id}.png") });
        }

        await page.SetViewportSizeAsync(1280, 860);
        await page.GotoAsync(new Uri(app.BaseAddress, "/Settings/Account#workspace-data").ToString());
        var name = (await app.WorkspaceAsync(Fabrikam.TenantId)).Name;
        await page.FillAsync("#confirmation-name", name);
        await page.ClickAsync("#delete-workspace-form button[type='submit']");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync($"{name} was deleted");
        var receipt = page.Locator("#removed-tables");
        await Assertions.Expect(receipt).ToContainTextAsync("Activities");
        await Assertions.Expect(receipt).ToContainTextAsync("Daily scores");
        await Assertions.Expect(receipt).ToContainTextAsync("Audit log entries");
        await Assertions.Expect(receipt).Not.ToContainTextAsync("DirtyPersonDays");
        await Assertions.Expect(receipt).Not.ToContainTextAsync("ShownGroups");
        await Assertions.Expect(receipt.Locator("tbody td", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^0$") })).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("1280-deletion-receipt");
        await browser.AssertAccessibleAsync();
        await page.SetViewportSizeAsync(390, 844);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the receipt scrolls sideways at 390 px");
        await browser.ScreenshotAsync("390-deletion-receipt");
    }

    /// <summary>Clicks the button, waits for the browser's download and answers the names of the files in the zip.</summary>
    private static async Task<string[]> DownloadAsync(IPage page, string button)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(button));
        var path = await download.PathAsync();
        Assert.EndsWith(".zip", download.SuggestedFilename, StringComparison.Ordinal);
        using var zip = ZipFile.OpenRead(path);
        return zip.Entries.Select(e => e.FullName).ToArray();
    }
}
