using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using WorkSights.Benchmarks;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.PageBenchmark;

/// <summary>
/// Server time and throughput of the reporting pages under concurrent load, against a same-size bare baseline; with
/// <c>--suite people</c>, the people and workspace-data benchmark of issue 12 (<see cref="PeopleBenchmark"/>).
/// </summary>
internal static class PageBenchmarkProgram
{
    public static async Task Main(string[] args)
    {
        // WebApplicationFactory finds the web project's content root from this variable outside a test project.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_WORKSIGHTS_WEB", WebContentRoot());
        if (args is [AppProcess.Argument, ..])
        {
            await AppProcess.ServeAsync(args);
            return;
        }

        var options = PageBenchmarkOptions.Parse(args);
        var app = new WorkSightsApp
        {
            KeepDataOnDispose = options.KeepData,
            SandboxExtraPeople = Math.Max(0, options.People - PageBenchmarkOptions.ContosoSeedPeople),
            TestServices = BaselineEndpoint.Add,
            Settings = AppSettings(options),
        };
        await app.InitializeAsync();
        try
        {
            using var owner = new SignUpJourney(app);
            if (options.Suite == PageBenchmarkOptions.PeopleSuite)
            {
                await PeopleBenchmark.RunAsync(app, owner, options);
            }
            else
            {
                await ReportingPagesAsync(app, owner, options);
            }
        }
        finally
        {
            await ((Xunit.IAsyncLifetime)app).DisposeAsync();
            if (options.KeepData)
            {
                Report.Figure("data kept in", app.DataDirectory);
            }
        }

        Report.Summary();
    }

    /// <summary>The measured app's settings beyond the tests' defaults, in this process and in <see cref="AppProcess"/>.</summary>
    public static Dictionary<string, string> AppSettings(PageBenchmarkOptions options) => new()
    {
        // The production default: a session is checked against the database at most every 5 seconds.
        ["Sessions:RevalidateAfter"] = "00:00:05",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:WorkSights.Application.Common.Behaviours"] = "Information",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = options.LogSql ? "Information" : "Warning",
    };

    private static async Task ReportingPagesAsync(WorkSightsApp app, SignUpJourney owner, PageBenchmarkOptions options)
    {
        Report.Section($"Pages: {options.People:N0} people x {options.Days} days, {options.Clients} concurrent loopback clients, {options.Seconds} s a page");
        await owner.SignUpAndConsentAsync(SandboxTenants.Contoso.AdminEmail);
        var workspace = await WorkspaceData.SeedAsync(app, SandboxTenants.Contoso.TenantId, options.Days);
        var day = ReportingSeed.LastWorkDay();
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var monthAgo = day.AddDays(-29).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Report.Figure("workspace", $"{workspace.People:N0} people, {workspace.Activities:N0} activities, {workspace.PersonDays:N0} person-days");
        Report.Figure("seeded / full recompute", $"{Report.Seconds(workspace.Seeding)} / {Report.Seconds(workspace.Recompute)}");

        var pages = new (string Name, string Path)[]
        {
            ("Dashboard", $"/Dashboard?date={date}"),
            ("Executive Overview", "/Overviews/Executive"),
            ("Score Report (30 days)", $"/Reports/ScoreReport?from={monthAgo}&to={date}"),
            ("Activity Stream", $"/Activities/Stream?date={date}"),
        };
        // The pages are served by the app alone in a process of its own, so that its memory is measured without the
        // sandbox and the clients.
        await using var server = await AppProcess.StartAsync(app, AppSettings(options));
        using var load = new PageLoad(server.BaseAddress, owner.Browser.CookieHeader(app.BaseAddress), options.Clients);
        using var alone = new PageLoad(server.BaseAddress, owner.Browser.CookieHeader(app.BaseAddress), 1);
        using var memory = ProcessMemory.Start(server.Id);
        Report.Figure("the app's process before serving", Report.Mb(memory.Baseline));
        // Repeated views are what the targets measure: the same session asking again while the workspace is unchanged is
        // served from the output cache. First views follow each page, building it every time.
        foreach (var (name, path) in pages)
        {
            await load.RunAsync(path, TimeSpan.FromSeconds(1));
            var page = await load.RunAsync(path, TimeSpan.FromSeconds(options.Seconds));
            var baselinePath = BaselineEndpoint.PathFor(page.AverageBytes);
            await load.RunAsync(baselinePath, TimeSpan.FromSeconds(1));
            var baseline = await load.RunAsync(baselinePath, TimeSpan.FromSeconds(options.Seconds));
            var ratio = page.RequestsPerSecond / baseline.RequestsPerSecond;
            Report.Figure($"{name}", $"{page.AverageBytes / 1024:N0} KB, {page.Requests:N0} requests, {page.RequestsPerSecond:F1}/s, p50 {page.P50:F1} ms");
            Report.Figure($"  baseline, {page.AverageBytes / 1024:N0} KB bare body", $"{baseline.Requests:N0} requests, {baseline.RequestsPerSecond:F1}/s, p50 {baseline.P50:F1} ms, p95 {baseline.P95:F1} ms");
            Report.Target($"{name} p95", $"{page.P95:F1} ms", "<= 50 ms", page.P95 <= 50);
            Report.Target($"{name} throughput / baseline", $"{ratio:F3}", ">= 0.3", ratio >= 0.3);

            var first = await load.RunAsync(path, TimeSpan.FromSeconds(options.Seconds), firstViews: true);
            Report.Figure($"  first views (each built, none cached)", $"{first.Requests:N0} requests, {first.RequestsPerSecond:F1}/s, p50 {first.P50:F1} ms, p95 {first.P95:F1} ms");
            // Not a target of the issue, whose ratio to the bare baseline (a page at 0.3 x the throughput of a bare body of its
            // size) only a page served again can reach: our own stricter goal, printed beside the figure.
            Report.Figure($"  first-view p95, own goal <= 50 ms", $"{first.P95:F1} ms, {(first.P95 <= 50 ? "within it" : "over it")}");
            // The same with no other request waiting for the cores: what building the page costs.
            var single = await alone.RunAsync(path, TimeSpan.FromSeconds(Math.Max(3, options.Seconds / 2)), firstViews: true);
            Report.Figure($"  first views, one client at a time", $"{single.Requests:N0} requests, {single.RequestsPerSecond:F1}/s, p50 {single.P50:F1} ms, p95 {single.P95:F1} ms");
        }

        memory.Stop();
        Report.Target(
            "peak working set while serving pages",
            Report.Mb(memory.Peak),
            "<= 500 MB",
            memory.Peak <= 500L * 1024 * 1024,
            "the app's process alone (without the sandbox and the clients)");
    }

    private static string WebContentRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "WorkSights.sln")))
            {
                return Path.Combine(folder.FullName, "src", "Web");
            }
        }

        throw new InvalidOperationException("Run the benchmark from the repository: WorkSights.sln was not found above " + AppContext.BaseDirectory);
    }
}
