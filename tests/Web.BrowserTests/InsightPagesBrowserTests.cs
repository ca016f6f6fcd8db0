using CsvHelper;
using Microsoft.Playwright;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.BrowserTests;

/// <summary>Executive Overview and the Score Report with engine-scored days, at 1280 px and at a phone's 390 px.</summary>
public sealed class InsightPagesBrowserTests : IAsyncLifetime
{
    private readonly WorkSightsApp app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task ExecutiveOverviewShowsBarsHeatmapFindingsAndServiceAtBothWidths()
    {
        await using var browser = await BrowserSession.StartAsync("executive-overview");
        var page = browser.Page;
        await BrowserJourney.SignUpAndAcceptAsync(page, app.BaseAddress, SandboxTenants.Fabrikam.AdminEmail);
        await app.SeedScoresAsync(SandboxTenants.Fabrikam.TenantId);
        await app.SeedTypicalDayAsync(SandboxTenants.Fabrikam.TenantId, SandboxTenants.Fabrikam.MemberEmail, ReportingSeed.LastWorkDay());
        await app.SeedTypicalDayAsync(SandboxTenants.Fabrikam.TenantId, SandboxTenants.Fabrikam.AdminEmail, ReportingSeed.LastWorkDay());

        await page.GotoAsync(new Uri(app.BaseAddress, "/Overviews/Executive").ToString());
        await Assertions.Expect(page.Locator("#fortnight .average-bar")).ToHaveCountAsync(14);
        await AssertBarsShowTheirHeightAsync(page, "#fortnight");
        await Assertions.Expect(page.Locator("#feed .feed li")).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator("#feed .feed li").First).ToContainTextAsync("Chicago");
        await Assertions.Expect(page.Locator("#heatmap table tbody tr")).ToHaveCountAsync(7);
        await Assertions.Expect(page.Locator("#findings .finding[data-rule='Overload']").First).ToContainTextAsync("work days in a row");
        await Assertions.Expect(page.Locator("#service-status")).Not.ToBeEmptyAsync();
        await browser.ScreenshotAsync("1280");
        await browser.AssertAccessibleAsync();

        await page.SelectOptionAsync("select[name='team']", new SelectOptionValue { Index = 1 });
        await page.ClickAsync(".report-bar button[type='submit']");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("team="));
        await browser.ScreenshotAsync("1280-team");

        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(new Uri(app.BaseAddress, "/Overviews/Executive").ToString());
        Assert.True(await FitsTheWidthAsync(page), "Executive Overview scrolls sideways at 390 px");
        await Assertions.Expect(page.Locator("#fortnight .average-bar-value").First).ToBeVisibleAsync();
        Assert.True(await BarNumbersFitAsync(page), "a daily average's number is wider than its bar at 390 px");
        await browser.ScreenshotAsync("390");
        await browser.AssertAccessibleAsync();
    }

    [Fact]
    public async Task ScoreReportChoosesADaySortsAndExportsTheRowsShown()
    {
        await using var browser = await BrowserSession.StartAsync("score-report");
        var page = browser.Page;
        await BrowserJourney.SignUpAndAcceptAsync(page, app.BaseAddress, SandboxTenants.Fabrikam.AdminEmail);
        await app.SeedScoresAsync(SandboxTenants.Fabrikam.TenantId);

        await page.GotoAsync(new Uri(app.BaseAddress, "/Reports/ScoreReport").ToString());
        await Assertions.Expect(page.Locator(".average-bars .average-bar")).ToHaveCountAsync(30);
        await AssertBarsShowTheirHeightAsync(page, ".average-bars");
        var weekday = page.Locator(".average-bar[title*='average']").Last;
        await weekday.ClickAsync();
        await Assertions.Expect(page.Locator("#score-table tbody tr").First).ToBeVisibleAsync();
        await page.ClickAsync("#score-table thead a:text-is('Score')");
        await page.ClickAsync("#score-table thead a:text-is('Score')");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("sort=score&dir=desc"));
        await browser.ScreenshotAsync("1280-day-sorted");
        await browser.AssertAccessibleAsync();

        var names = await page.Locator("#score-table tbody th").AllInnerTextsAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-csv"));
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        using var csv = CsvReader.Create(bytes, CsvReaderOptions.Default with { HasHeader = false });
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(csv.Current.ToArray());
        }

        Assert.Equal("Name", rows[0][0]);
        Assert.Equal(names.Select(n => n.Trim()), rows.Skip(1).Select(r => r[0]));

        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        Assert.True(await FitsTheWidthAsync(page), "Score Report scrolls sideways at 390 px");
        Assert.True(
            await page.EvaluateAsync<bool>("() => { const w = document.querySelector('#score-table').parentElement; return w.scrollWidth <= w.clientWidth; }"),
            "the people's table hides columns behind a sideways scroll at 390 px");
        Assert.True(await BarNumbersFitAsync(page), "a daily average's number is wider than its bar at 390 px");
        await browser.ScreenshotAsync("390");
        await browser.AssertAccessibleAsync();
    }

    /// <summary>Every number shown above a bar fits the bar's width (a clipped "8" of "80" reads as another number).</summary>
    private static Task<bool> BarNumbersFitAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => Array.from(document.querySelectorAll('.average-bar-value')).filter(v => v.offsetParent !== null).every(v => v.scrollWidth <= v.clientWidth)");

    private static Task<bool> FitsTheWidthAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");

    /// <summary>An average of about 88 (the seeded people's) is drawn well above the axis, not squashed by another page's styles.</summary>
    private static async Task AssertBarsShowTheirHeightAsync(IPage page, string chart)
    {
        var tallest = await page.Locator($"{chart} .average-bar-fill").EvaluateAllAsync<double>("fills => Math.max(...fills.map(f => f.getBoundingClientRect().height))");
        Assert.True(tallest >= 40, $"the tallest bar of {chart} is {tallest} px high");
    }
}
