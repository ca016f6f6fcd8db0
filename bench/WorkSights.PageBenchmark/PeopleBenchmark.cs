using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Linq.Expressions;
using System.Net;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkSights.Benchmarks;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;
using WorkSights.Infrastructure.Persistence;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.PageBenchmark;

/// <summary>
/// Issue 12's benchmark (<c>--suite people</c>): a workspace of <c>--people</c> made by sign-up and directory import, with
/// <c>--days</c> of synthetic work a person; the user directory under concurrent clients against a bare baseline; a bulk
/// role change of 5,000 people; the whole workspace exported as the Account page streams it; the workspace deleted.
/// Everything goes through the pages, as the signed-in Owner.
/// </summary>
internal static class PeopleBenchmark
{
    private const string UsersPage = "/Settings/Users";

    /// <summary>The team the people of the bulk role change are put in first (200 ticked at a time), so one filter matches them.</summary>
    private const string BulkTeam = "Bulk change benchmark";

    private static readonly SandboxTenantInfo Contoso = SandboxTenants.Contoso;

    public static async Task RunAsync(WorkSightsApp app, SignUpJourney owner, PageBenchmarkOptions options)
    {
        Report.Section($"People: {options.People:N0}-person workspace x {options.Days} days, {options.Clients} concurrent loopback clients, {options.Seconds} s of directory requests");
        var signUp = Stopwatch.GetTimestamp();
        await owner.SignUpAndConsentAsync(Contoso.AdminEmail);
        var imported = await app.InWorkspaceAsync(Contoso.TenantId, db => db.People.CountAsync());
        Report.Figure("sign-up and directory import", $"{imported:N0} people in {Report.Seconds(Stopwatch.GetElapsedTime(signUp))}");
        var seeded = await WorkspaceData.SeedAsync(app, Contoso.TenantId, options.Days);
        Report.Figure("workspace", $"{seeded.People:N0} people, {seeded.Activities:N0} activities, {seeded.PersonDays:N0} person-days");
        Report.Figure("seeded / full recompute", $"{Report.Seconds(seeded.Seeding)} / {Report.Seconds(seeded.Recompute)}");

        var token = await owner.AntiforgeryTokenAsync(UsersPage);
        await DirectoryAsync(app, owner, options);
        await BulkRoleChangeAsync(app, owner, token, Math.Min(5000, imported * 2 / 3));
        await ExportAsync(app, owner, token, options);
        await DeleteAsync(app, owner, token);
    }

    /// <summary>A mix of the directory's views (search, each filter, each sort, pages), taken in turn by the clients.</summary>
    private static async Task DirectoryAsync(WorkSightsApp app, SignUpJourney owner, PageBenchmarkOptions options)
    {
        var (team, managerId, someone) = await app.InWorkspaceAsync(Contoso.TenantId, async db =>
        {
            var largestTeam = await db.People.Where(p => p.Department != null).GroupBy(p => p.Department)
                .OrderByDescending(g => g.Count()).Select(g => g.Key!).FirstAsync();
            var busiestManager = await db.People.Where(p => p.ManagerExternalId != null).GroupBy(p => p.ManagerExternalId)
                .OrderByDescending(g => g.Count()).Select(g => g.Key!).FirstAsync();
            var manager = await db.People.Where(p => p.ExternalId == busiestManager).Select(p => p.Id).SingleAsync();
            var count = await db.People.CountAsync();
            var name = await db.People.OrderBy(p => p.Id).Skip(count / 2).Select(p => p.DisplayName).FirstAsync();
            return (largestTeam, manager, name);
        });
        var teamQuery = Uri.EscapeDataString(team);
        (string Name, string Path)[] views =
        [
            ("first page, by name", UsersPage),
            ("search, common letters", $"{UsersPage}?q=an&page=3"),
            ("search, one person's name", $"{UsersPage}?q={Uri.EscapeDataString(someone)}"),
            ("search, an address", $"{UsersPage}?q=contoso.com&page=20"),
            ("filter: team", $"{UsersPage}?team={teamQuery}"),
            ("filter: role", $"{UsersPage}?role=Member&page=40"),
            ("filter: status", $"{UsersPage}?status=Active&page=60"),
            ("filter: login access", $"{UsersPage}?login=true"),
            ("filter: provisioning state", $"{UsersPage}?state=AlreadyLinked&page=10"),
            ("filter: manager", $"{UsersPage}?manager={managerId}"),
            ("sort: team", $"{UsersPage}?sort=Team&page=100"),
            ("sort: role", $"{UsersPage}?sort=Role&page=150"),
            ("a middle page", $"{UsersPage}?page=100"),
            ("the last page", $"{UsersPage}?page=100000"),
            ("team, sorted by role, page 3", $"{UsersPage}?team={teamQuery}&sort=Role&page=3"),
        ];
        using var load = new PageLoad(app.BaseAddress, owner.Browser.CookieHeader(app.BaseAddress), options.Clients);
        var paths = views.Select(v => v.Path).ToList();
        await load.RunMixAsync(paths, TimeSpan.FromSeconds(2));
        var mix = await load.RunMixAsync(paths, TimeSpan.FromSeconds(options.Seconds));
        // The same views one at a time: what a view costs when no other request waits for the cores.
        using var alone = new PageLoad(app.BaseAddress, owner.Browser.CookieHeader(app.BaseAddress), 1);
        var single = (await alone.RunMixAsync(paths, TimeSpan.FromSeconds(Math.Max(3, options.Seconds / 2)))).All;
        // The directory remembers its answers until something of the workspace is stored: here every view follows a
        // change, so that each one is computed.
        var workspaceId = (await app.WorkspaceAsync(Contoso.TenantId)).Id;
        var versions = app.Services.GetRequiredService<ReportedDataVersions>();
        var changed = await load.RunMixAsync(paths, TimeSpan.FromSeconds(options.Seconds), beforeEach: () => versions.Advance(workspaceId));
        var baselinePath = BaselineEndpoint.PathFor(mix.All.AverageBytes);
        await load.RunAsync(baselinePath, TimeSpan.FromSeconds(1));
        var baseline = await load.RunAsync(baselinePath, TimeSpan.FromSeconds(options.Seconds));

        Report.Line($"User directory, {views.Length} views in turn (largest team \u201c{team}\u201d):");
        foreach (var ((name, _), (_, run)) in views.Zip(mix.ByPath))
        {
            Report.Figure($"  {name}", $"{run.AverageBytes / 1024:N0} KB, {run.Requests:N0} requests, p50 {run.P50:F1} ms, p95 {run.P95:F1} ms");
        }

        var all = mix.All;
        Report.Figure("directory, the mix", $"{all.AverageBytes / 1024:N0} KB, {all.Requests:N0} requests, {all.RequestsPerSecond:F1}/s, p50 {all.P50:F1} ms");
        Report.Figure($"  baseline, {all.AverageBytes / 1024:N0} KB bare body", $"{baseline.Requests:N0} requests, {baseline.RequestsPerSecond:F1}/s, p50 {baseline.P50:F1} ms, p95 {baseline.P95:F1} ms");
        Report.Figure("  one client at a time", $"{single.Requests:N0} requests, {single.RequestsPerSecond:F1}/s, p50 {single.P50:F1} ms, p95 {single.P95:F1} ms");
        Report.Figure("  throughput / baseline", (all.RequestsPerSecond / baseline.RequestsPerSecond).ToString("F3", CultureInfo.InvariantCulture));
        Report.Figure("  every view after a change (computed)", $"{changed.All.Requests:N0} requests, {changed.All.RequestsPerSecond:F1}/s, p50 {changed.All.P50:F1} ms, p95 {changed.All.P95:F1} ms");
        var (slowestChangedName, slowestChanged) = views.Zip(changed.ByPath).Select(v => (v.First.Name, v.Second.Run)).MaxBy(v => v.Run.P95)!;
        Report.Figure("    its slowest view", $"{slowestChangedName}: p50 {slowestChanged.P50:F1} ms, p95 {slowestChanged.P95:F1} ms");
        Report.Target("user directory p95 (the mix)", $"{all.P95:F1} ms", "<= 50 ms", all.P95 <= 50, "views of an unchanged directory");
        var (slowestName, slowest) = views.Zip(mix.ByPath).Select(v => (v.First.Name, v.Second.Run)).MaxBy(v => v.Run.P95);
        Report.Target("user directory p95, slowest view", $"{slowest.P95:F1} ms", "<= 50 ms", slowest.P95 <= 50, slowestName);
        Report.Target("user directory p95, each view computed", $"{changed.All.P95:F1} ms", "<= 50 ms", changed.All.P95 <= 50, "a change stored before every view");
    }

    /// <summary>
    /// The people are put in one team by ticking 200 at a time (the page's limit), then one post changes the role of
    /// everyone matching that team's filter, as an Owner does it from the directory.
    /// </summary>
    private static async Task BulkRoleChangeAsync(WorkSightsApp app, SignUpJourney owner, string token, int count)
    {
        var ids = await app.InWorkspaceAsync(Contoso.TenantId, db => db.People
            .Where(p => p.Role == PersonRole.Member && p.Status == PersonStatus.Active).OrderBy(p => p.Id).Take(count).Select(p => p.Id).ToListAsync());
        var ticked = new List<double>();
        foreach (var chunk in ids.Chunk(200))
        {
            var form = Form(token, ("Bulk.Kind", "Team"), ("Bulk.Team", BulkTeam));
            form.AddRange(chunk.Select(id => new KeyValuePair<string, string>("Bulk.PersonIds", id.ToString())));
            ticked.Add(await PostTimedAsync(owner, $"{UsersPage}?handler=Bulk", form));
        }

        ticked.Sort();
        Report.Figure($"bulk team change, 200 ticked people ({ticked.Count} posts)", $"p50 {ticked[ticked.Count / 2]:F0} ms, slowest {ticked[^1]:F0} ms");

        var elapsed = await PostTimedAsync(
            owner, $"{UsersPage}?team={Uri.EscapeDataString(BulkTeam)}&handler=Bulk", Form(token, ("Bulk.AllMatching", "true"), ("Bulk.Kind", "Role"), ("Bulk.Role", "Manager")));
        var changed = await app.InWorkspaceAsync(Contoso.TenantId, db => db.People.CountAsync(p => p.Department == BulkTeam && p.Role == PersonRole.Manager));
        if (changed != ids.Count)
        {
            throw new InvalidOperationException($"The bulk role change made {changed} of {ids.Count} people managers.");
        }

        Report.Target($"bulk role change, {changed:N0} people", $"{elapsed / 1000:F2} s", "<= 2 s", elapsed <= 2000, "everyone matching a team filter, one post, audited");
    }

    /// <summary>
    /// The CSV export as the Account page's form asks for it, written to a file as a browser saves it, then checked. The
    /// app serving it runs alone in a process of its own, so that its memory is measured without the sandbox (with its
    /// directory of the whole workspace) and the client saving the file.
    /// </summary>
    private static async Task ExportAsync(WorkSightsApp app, SignUpJourney owner, string token, PageBenchmarkOptions options)
    {
        var file = Path.Combine(app.DataDirectory, "export.zip");
        await using var server = await AppProcess.StartAsync(app, PageBenchmarkProgram.AppSettings(options));
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseAddress, "/Settings/WorkspaceData?handler=Export"))
        {
            Content = new FormUrlEncodedContent(Form(token, ("format", "Csv"))),
        };
        request.Headers.Add("Cookie", owner.Browser.CookieHeader(app.BaseAddress));

        using var memory = ProcessMemory.Start(server.Id);
        var started = Stopwatch.GetTimestamp();
        TimeSpan firstByte;
        long bytes;
        using (var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead))
        {
            firstByte = Stopwatch.GetElapsedTime(started);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "application/zip")
            {
                throw new InvalidOperationException($"The export answered {(int)response.StatusCode} {response.Content.Headers.ContentType}.");
            }

            await using var body = await response.Content.ReadAsStreamAsync();
            await using var saved = File.Create(file);
            await body.CopyToAsync(saved);
            bytes = saved.Length;
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        memory.Stop();

        var rows = CountRows(file);
        var (people, activities, days) = await app.InWorkspaceAsync(Contoso.TenantId, async db =>
            (await db.People.CountAsync(), await db.Activities.CountAsync(), await db.PersonDays.CountAsync()));
        if (rows["people.csv"] != people || rows["activities.csv"] != activities || rows["person-days.csv"] != days)
        {
            throw new InvalidOperationException($"The export holds {string.Join(", ", rows.Select(r => $"{r.Value} {r.Key}"))}; the workspace {people} people, {activities} activities, {days} person-days.");
        }

        File.Delete(file);
        Report.Figure("export (CSV zip)", $"{string.Join(", ", rows.Select(r => $"{r.Value:N0} {r.Key}"))}; {Report.Mb(bytes)} zipped");
        Report.Figure("  time to first byte / whole download", $"{Report.Seconds(firstByte)} / {Report.Seconds(elapsed)} ({activities / elapsed.TotalSeconds:N0} activities/s)");
        Report.Figure("  the app's process before the export", Report.Mb(memory.Baseline));
        Report.Target(
            "peak working set while exporting",
            Report.Mb(memory.Peak),
            "<= 300 MB",
            memory.Peak <= 300L * 1024 * 1024,
            "the app's process alone (without the sandbox and the client saving the file)");
    }

    /// <summary>The Account page's delete form with the workspace's name typed; then no row of the workspace may be left.</summary>
    private static async Task DeleteAsync(WorkSightsApp app, SignUpJourney owner, string token)
    {
        var workspace = await app.WorkspaceAsync(Contoso.TenantId);
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(app.BaseAddress, "/Settings/WorkspaceData?handler=Delete"))
        {
            Content = new FormUrlEncodedContent(Form(token, ("confirmationName", workspace.Name))),
        };
        request.Headers.Add("Cookie", owner.Browser.CookieHeader(app.BaseAddress));
        NativeMemory.ReturnFreed();
        var memory = MemorySampler.Start();
        SQLitePCL.raw.sqlite3_memory_highwater(1);
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request);
        var elapsed = Stopwatch.GetElapsedTime(started);
        memory.Stop();
        var sqlitePeak = SQLitePCL.raw.sqlite3_memory_highwater(0);
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK || !html.Contains("id=\"deletion-receipt\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The deletion answered {(int)response.StatusCode} {response.Headers.Location} without a receipt.");
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            if (await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().Tenants.AnyAsync(t => t.Id == workspace.Id))
            {
                throw new InvalidOperationException("The deleted workspace is still found.");
            }
        }

        Report.Figure("  peak working set / SQLite's memory while deleting", $"{Report.Mb(memory.PeakWorkingSet)} / {Report.Mb(sqlitePeak)}");
        Report.Target("workspace deletion", Report.Seconds(elapsed), "<= 10 s", elapsed <= TimeSpan.FromSeconds(10), "the page's post, to the receipt: the workspace closed, its sessions, consent and tokens gone");

        // The erasure job, woken by the deletion, erases the rows meanwhile; its last batch removes the workspace's own row.
        while (await WorkspaceRowLeftAsync(app, workspace))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        var erased = Stopwatch.GetElapsedTime(started);
        var left = await RowsLeftAsync(app, workspace);
        if (left > 0)
        {
            throw new InvalidOperationException($"{left} rows of the deleted workspace are left.");
        }

        Report.Figure("  every row erased by the background job", $"{Report.Seconds(erased)} after the post (no row of the workspace left in any table)");
    }

    private static async Task<bool> WorkspaceRowLeftAsync(WorkSightsApp app, Tenant workspace)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().Tenants.IgnoreQueryFilters().AnyAsync(t => t.Id == workspace.Id);
    }

    /// <summary>Rows of the workspace in every table of the model, found as the deletion finds them.</summary>
    private static async Task<int> RowsLeftAsync(WorkSightsApp app, Tenant workspace)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var left = 0;
        foreach (var entity in ModelOwnedRows.Tables(db.Model))
        {
            var rows = ModelOwnedRows.WorkspaceRows(entity, workspace.Id, workspace.ExternalTenantId)!;
            var count = typeof(PeopleBenchmark).GetMethod(nameof(CountAsync), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(entity.ClrType).Invoke(null, [db, rows])!;
            left += await (Task<int>)count;
        }

        return left;
    }

    private static Task<int> CountAsync<T>(ApplicationDbContext db, Expression<Func<T, bool>> rows)
        where T : class => db.Set<T>().IgnoreQueryFilters().CountAsync(rows);

    /// <summary>Each file's data rows (lines less the header), counted without holding a file in memory.</summary>
    private static Dictionary<string, long> CountRows(string file)
    {
        using var zip = ZipFile.OpenRead(file);
        var rows = new Dictionary<string, long>();
        var buffer = new byte[1 << 16];
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            long lines = 0;
            for (int read; (read = stream.Read(buffer)) > 0;)
            {
                lines += buffer.AsSpan(0, read).Count((byte)'\n');
            }

            rows[entry.Name] = lines - 1;
        }

        return rows;
    }

    /// <summary>
    /// A form posted as the signed-in Owner's browser posts it, timed to the redirect that says the change was made.
    /// </summary>
    private static async Task<double> PostTimedAsync(SignUpJourney owner, string path, List<KeyValuePair<string, string>> form)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await owner.Browser.SendAsync(HttpMethod.Post, owner.At(path), form);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"{path} answered {(int)response.StatusCode} instead of going back to the directory: the change was refused.");
        }

        return elapsed;
    }

    private static List<KeyValuePair<string, string>> Form(string token, params (string Name, string Value)[] fields) =>
        [new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))];
}
