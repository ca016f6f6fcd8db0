using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace WorkSights.Web.BrowserTests;

/// <summary>Headless Debian Chromium driven by Playwright, with screenshots saved as test artifacts.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private static readonly string[] ChromiumArguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;
    private readonly string screenshotFolder;
    private int shot;

    private BrowserSession(IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page, string screenshotFolder)
    {
        this.playwright = playwright;
        this.browser = browser;
        Context = context;
        Page = page;
        this.screenshotFolder = screenshotFolder;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public string ScreenshotFolder => screenshotFolder;

    public static async Task<BrowserSession> StartAsync(string scenario)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArguments,
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 860 } });
        // Generous: on two cores the browser tests share the machine with every other test assembly, and a page's first
        // request compiles the app's code (a sign-up's redirects once took over 15 s under that load).
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(45_000);
        var page = await context.NewPageAsync();
        var folder = Path.Combine(ArtifactsFolder(), "screenshots", scenario);
        Directory.CreateDirectory(folder);
        return new BrowserSession(playwright, browser, context, page, folder);
    }

    public async Task ScreenshotAsync(string name)
    {
        shot++;
        var options = new PageScreenshotOptions { Path = Path.Combine(screenshotFolder, $"{shot:00}-{name}.png"), FullPage = true };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Page.ScreenshotAsync(options);
                return;
            }
            catch (PlaywrightException exception) when (attempt < 3 && exception.Message.Contains("Unable to capture screenshot", StringComparison.Ordinal))
            {
                // Without a GPU, a loaded machine sometimes produces no frame in time right after a resize; the next try does.
                await Task.Delay(500 * attempt);
            }
        }
    }

    /// <summary>axe-core on the current page: no serious or critical violation may remain.</summary>
    public async Task AssertAccessibleAsync()
    {
        var result = await Page.RunAxe();
        var blocking = result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => string.Join(' ', n.Target)))})").ToList();
        Assert.True(blocking.Count == 0, $"Accessibility violations on {Page.Url}:\n{string.Join('\n', blocking)}");
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        await browser.CloseAsync();
        playwright.Dispose();
    }

    private static string ArtifactsFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "WorkSights.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? AppContext.BaseDirectory, "artifacts");
    }
}
