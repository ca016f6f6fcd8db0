using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Ingestion;
using WorkSights.Domain.People;
using WorkSights.Infrastructure.Persistence;
using WorkSights.Sandbox;

namespace WorkSights.Benchmarks;

internal sealed record BackfillResult(int People, long Activities, TimeSpan Wall, long PeakWorkingSet, long PeakManaged, long BaselineWorkingSet, long RetainedManaged)
{
    public const string Prefix = "@@result\t";

    public string ToLine() => Prefix + string.Join('\t', People, Activities, Wall.Ticks, PeakWorkingSet, PeakManaged, BaselineWorkingSet, RetainedManaged);

    public static BackfillResult Parse(string line)
    {
        var v = line[Prefix.Length..].Split('\t').Select(x => long.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        return new BackfillResult((int)v[0], v[1], TimeSpan.FromTicks(v[2]), v[3], v[4], v[5], v[6]);
    }
}

/// <summary>
/// Sections 1, 2 and 4: a Contoso of a given size signs up, then one run of the real ActivitySyncRunner backfills 29 days
/// of every mailbox through the Graph SDK over loopback into SQLite. With <c>full</c>, also: the no-change incremental
/// run, the raw-insert baseline on the same rows and the store phase (time inside the page writer during the live run);
/// with <c>replay</c>, also the same pages replayed from memory into a fresh database through the same runner.
/// </summary>
internal static class BackfillBenchmark
{
    public const double BackfillTargetSeconds = 60;
    public const double IncrementalTargetSeconds = 5;
    public const double StoreRatioTarget = 0.5;
    public const long MemoryTargetBytes = 400L * 1024 * 1024;

    private static int? seededContoso;

    public static async Task<int> SeededContosoAsync()
    {
        if (seededContoso is null)
        {
            await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions());
            seededContoso = sandbox.Directory.GetUsers(SandboxTenants.Contoso.TenantId).Count;
        }

        return seededContoso.Value;
    }

    /// <summary>
    /// The sandbox runs here; the application runs in a child process of this benchmark, so that the child's peak
    /// memory is the application's alone (the sandbox caches every mailbox it generates) and each measurement starts
    /// from a fresh runtime.
    /// </summary>
    public static async Task<BackfillResult> RunAsync(int people, bool full, bool replay = false)
    {
        var organisation = SandboxTenants.Contoso;
        var seeded = await SeededContosoAsync();
        Report.Section($"Backfill of a {people:N0}-person tenant (29 days, Graph SDK over loopback, SQLite)");
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { ExtraPeople = people - seeded });
        var users = sandbox.Directory.GetUsers(organisation.TenantId);
        Report.Figure("sandbox Contoso", $"{seeded} seeded + ExtraPeople {people - seeded} = {users.Count} directory users ({users.Count(u => u.UserType == "Guest")} guests)");
        if (users.Count != people)
        {
            throw new InvalidOperationException($"Expected {people} users in Contoso, the sandbox has {users.Count}.");
        }

        AppHost.Register(sandbox);
        var admin = SandboxAdmin.Of(sandbox, organisation);
        sandbox.Directory.GrantConsent(organisation.TenantId, AppHost.ClientId);
        var endpoint = SandboxEndpoint.Of(sandbox);
        string[] arguments =
        [
            "--child", "backfill", "--people", people.ToString(CultureInfo.InvariantCulture), "--full", full.ToString(), "--replay", replay.ToString(),
            "--http", endpoint.HttpBaseAddress.ToString(), "--https", endpoint.HttpsBaseAddress.ToString(), "--thumbprint", endpoint.Thumbprint, "--sandbox-process", endpoint.ProcessId.ToString(CultureInfo.InvariantCulture),
            "--admin-tenant", admin.TenantId, "--admin-id", admin.ObjectId, "--admin-mail", admin.Email, "--admin-name", admin.DisplayName,
        ];
        var result = await ChildProcess.RunAsync(arguments, started: () => Report.Figure("sandbox priority", RemoteServicePriority.Lower()));
        foreach (var refused in sandbox.RequestLog.Entries.Where(e => e.StatusCode >= 400).Take(5))
        {
            Report.Figure($"sandbox answered {refused.StatusCode}", $"{refused.Method} {refused.PathAndQuery[..Math.Min(160, refused.PathAndQuery.Length)]}");
        }

        return BackfillResult.Parse(result ?? throw new InvalidOperationException("The backfill child process printed no result."));
    }

    /// <summary>The measurement itself, in the child process: the application against the parent's sandbox.</summary>
    public static async Task<BackfillResult> MeasureAsync(SandboxEndpoint sandbox, SandboxAdmin admin, int people, bool full, bool replay)
    {
        if (full)
        {
            await WarmUpAsync(sandbox, admin);
        }

        var times = new PageTimes();
        var profile = new SqlProfile();
        using var requests = new HttpRequestCounter();
        using var steps = new PageWriteSteps();
        await using var app = await AppHost.StartAsync(sandbox, new AppHostSettings
        {
            Configure = s => s.Decorate<IMailboxReader>((inner, _) => new TimedMailboxReader(inner, times)),
            Interceptors = [profile],
        });

        var signUpStarted = Stopwatch.GetTimestamp();
        var (tenantId, message) = await app.SignUpAsync(admin, grantConsent: null);
        Report.Figure("sign-up → consent → provisioning", $"{Report.Seconds(Stopwatch.GetElapsedTime(signUpStarted))}: \"{message}\"");
        await BackfilledFeaturesOnlyAsync(app, tenantId);

        times.Reset();
        profile.Clear();
        requests.Reset();
        steps.Reset();
        var memory = MemorySampler.Start();
        var cost = ProcessCost.Start(sandbox.ProcessId);
        var compiling = Compiling.Start();
        var started = Stopwatch.GetTimestamp();
        await app.Runner.RunAsync(tenantId, CancellationToken.None);
        var wall = Stopwatch.GetElapsedTime(started);
        var spent = cost.Describe(wall);
        var compiled = compiling.Describe();
        memory.Stop();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var retained = GC.GetTotalMemory(forceFullCollection: true);

        var activities = await CountActivitiesAsync(app);
        var (planned, problem) = await RunSummaryAsync(app);
        var rate = activities / wall.TotalSeconds;
        Report.Figure("mailboxes synced (people in the run)", $"{planned:N0} people x Email + Calendar, and Teams calls; last problem: {problem ?? "none"}");
        Report.Figure("Graph + token requests", $"{requests.Total:N0} ({requests.Describe()})");
        Report.Figure("activities imported", $"{activities:N0}");
        Report.Figure("wall time (ActivitySyncRunner.RunAsync)", Report.Seconds(wall));
        Report.Figure("activities/s end to end", Report.Rate(rate, "/s"));
        Report.Figure("pages; time fetching / storing (summed over workers)", $"{times.Pages:N0}; {Report.Seconds(times.Fetch)} / {Report.Seconds(times.Store)}");
        Report.Figure("page writes by step (summed over workers)", steps.Describe());
        Report.Figure("processor time during the run", spent);
        Report.Figure("compiled by the runtime during the run", compiled);
        Report.Figure("memory before the run (working set)", Report.Mb(memory.BaselineWorkingSet));
        Report.Figure("peak managed heap (GC.GetTotalMemory, sampled)", Report.Mb(memory.PeakManaged));
        Report.Figure("peak working set (Process.PeakWorkingSet64)", $"{Report.Mb(memory.PeakWorkingSet)}{(memory.HighWaterMarkReset ? string.Empty : " (sampled: high-water mark not resettable)")}; the application's process (sandbox in the parent)");
        Report.Figure("managed heap still alive after the run (full GC)", Report.Mb(retained));
        if (people == 1000)
        {
            Report.Target($"backfill wall time, {people:N0} people", Report.Seconds(wall), $"<= {BackfillTargetSeconds} s", wall.TotalSeconds <= BackfillTargetSeconds);
            Report.Target($"peak memory, {people:N0} people", Report.Mb(memory.PeakWorkingSet), "<= 400 MB", memory.PeakWorkingSet <= MemoryTargetBytes);
        }

        profile.Print(8);
        var result = new BackfillResult(people, activities, wall, memory.PeakWorkingSet, memory.PeakManaged, memory.BaselineWorkingSet, retained);
        if (!full)
        {
            return result;
        }

        var storeTime = times.Store;
        var storeWall = times.StoreWall;
        await IncrementalAsync(app, tenantId, activities, requests, profile, times);
        var raw = await RawInsert.RunAsync(app.ConnectionString);
        var rawRate = raw.Rows / raw.Elapsed.TotalSeconds;
        Report.Section("Store phase vs raw SQLite insert of the same rows");
        Report.Figure("raw: one prepared SqliteCommand, one transaction", $"{raw.Rows:N0} rows in {Report.Seconds(raw.Elapsed)} = {Report.Rate(rawRate, "rows/s")} (fresh table, same columns, keys and indexes)");

        // Writes are serialised: the store phase lasts as long as some page is being stored, whichever worker it is on.
        var storeRate = activities / storeWall.TotalSeconds;
        Report.Figure("store phase (live run, wall time with a page being stored)", $"{Report.Seconds(storeWall)} ({Report.Seconds(storeTime)} summed over workers) -> {Report.Rate(storeRate, "activities/s")}");
        Report.Target("store phase / raw insert rate", $"{storeRate / rawRate:F2}", $">= {StoreRatioTarget}", storeRate / rawRate >= StoreRatioTarget);
        if (replay)
        {
            await StorePhaseReplayAsync(app, sandbox, admin, activities, rawRate);
        }

        return result;
    }

    private static async Task IncrementalAsync(AppHost app, Guid tenantId, long activitiesBefore, HttpRequestCounter requests, SqlProfile profile, PageTimes times)
    {
        Report.Section("Incremental sync with nothing new (the runner again, immediately)");
        requests.Reset();
        profile.Clear();
        times.Reset();
        var started = Stopwatch.GetTimestamp();
        await app.Runner.RunAsync(tenantId, CancellationToken.None);
        var wall = Stopwatch.GetElapsedTime(started);
        var activities = await CountActivitiesAsync(app);
        Report.Figure("Graph + token requests", $"{requests.Total:N0} ({requests.Describe()})");
        Report.Figure("activities after / before", $"{activities:N0} / {activitiesBefore:N0}");
        Report.Figure("pages; time fetching / storing (summed over workers)", $"{times.Pages:N0}; {Report.Seconds(times.Fetch)} / {Report.Seconds(times.Store)}");
        Report.Target("no-change incremental wall time", Report.Seconds(wall), $"<= {IncrementalTargetSeconds} s", wall.TotalSeconds <= IncrementalTargetSeconds);
        profile.Print(6);
    }

    private static async Task StorePhaseReplayAsync(AppHost live, SandboxEndpoint sandbox, SandboxAdmin admin, long activities, double rawRate)
    {
        Report.Section("Store phase, replayed: the same runner into a fresh database with Graph served from memory");

        var mailboxes = await live.QueryAsync(db => db.People.IgnoreQueryFilters()
            .Where(p => p.Status == PersonStatus.Active && p.ProvisioningState != ProvisioningState.Blocked)
            .Select(p => p.ExternalId)
            .ToListAsync());
        var recordStarted = Stopwatch.GetTimestamp();
        var recorded = await RecordedMailboxes.RecordAsync(live.Services, admin.TenantId, mailboxes, DateTimeOffset.UtcNow);
        Report.Figure("pages recorded for replay (a second Graph read)", $"{recorded.Mail.Values.Sum(r => r.Pages.Count) + recorded.Calendar.Values.Sum(r => r.Pages.Count):N0} pages, {recorded.Items:N0} items in {Report.Seconds(Stopwatch.GetElapsedTime(recordStarted))}");

        var times = new PageTimes();
        var profile = new SqlProfile();
        using var steps = new PageWriteSteps();
        await using var replay = await AppHost.StartAsync(sandbox, new AppHostSettings
        {
            Configure = s => s.Replace(ServiceDescriptor.Scoped<IMailboxReader>(_ => new TimedMailboxReader(new ReplayMailboxReader(recorded), times))),
            Interceptors = [profile],
        });
        var (tenantId, _) = await replay.SignUpAsync(admin, grantConsent: null);
        await BackfilledFeaturesOnlyAsync(replay, tenantId);
        times.Reset();
        profile.Clear();
        steps.Reset();
        var cost = ProcessCost.Start(sandbox.ProcessId);
        var started = Stopwatch.GetTimestamp();
        await replay.Runner.RunAsync(tenantId, CancellationToken.None);
        var wall = Stopwatch.GetElapsedTime(started);
        var spent = cost.Describe(wall);
        var stored = await CountActivitiesAsync(replay);
        var storeRate = stored / wall.TotalSeconds;
        Report.Figure("store phase: same runner, Graph replayed from memory", $"{stored:N0} activities in {Report.Seconds(wall)} = {Report.Rate(storeRate, "/s")} (live run stored {activities:N0})");
        Report.Figure("  of which inside the page writer (summed over workers)", Report.Seconds(times.Store));
        Report.Figure("  page writes by step (summed over workers)", steps.Describe());
        Report.Figure("  processor time during the replay (the application holds the recorded pages)", spent);
        Report.Target("store phase (replayed) / raw insert rate", $"{storeRate / rawRate:F2}", $">= {StoreRatioTarget}", storeRate / rawRate >= StoreRatioTarget);
        profile.Print(8);
    }

    /// <summary>
    /// The backfill the issue times is mail, calendar and Teams calls. Sign-ins (5 requests per 10 s per tenant) and the
    /// audit feed (only what it still holds) are paced by their own APIs, so they are switched off for the timed run.
    /// </summary>
    private static async Task BackfilledFeaturesOnlyAsync(AppHost app, Guid tenantId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var tenant = scope.ServiceProvider.GetRequiredService<ITenantContext>().BeginScope(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var service = await db.ConnectedServices.SingleAsync();
        foreach (var feature in new[] { ServiceFeature.Logins, ServiceFeature.Files, ServiceFeature.Chat })
        {
            service.SetFeature(feature, false);
        }

        await db.SaveChangesAsync();
    }

    /// <summary>
    /// A server has compiled its hot code long before a customer's backfill, but a fresh process compiles some 12,000
    /// methods again at tier 1 during its first one (about 9 s of the compiler's time, on the cores the page writer
    /// needs), and a small organisation's backfill before it did not call them often enough to change that. So the
    /// measured backfill follows the same backfill into a throwaway database, in the same process.
    /// </summary>
    private static async Task WarmUpAsync(SandboxEndpoint sandbox, SandboxAdmin admin)
    {
        var started = Stopwatch.GetTimestamp();
        var compiling = Compiling.Start();
        long activities;
        await using (var warm = await AppHost.StartAsync(sandbox, new AppHostSettings()))
        {
            var (tenantId, _) = await warm.SignUpAsync(admin, grantConsent: null);
            await BackfilledFeaturesOnlyAsync(warm, tenantId);
            await warm.Runner.RunAsync(tenantId, CancellationToken.None);
            activities = await CountActivitiesAsync(warm);
        }

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        Report.Figure("warm-up: the same backfill into a throwaway database", $"{activities:N0} activities in {Report.Seconds(Stopwatch.GetElapsedTime(started))}; compiled {compiling.Describe()}");
    }

    private static Task<long> CountActivitiesAsync(AppHost app) =>
        app.QueryAsync(db => db.Activities.IgnoreQueryFilters().LongCountAsync());

    private static Task<(int People, string? Problem)> RunSummaryAsync(AppHost app) =>
        app.QueryAsync(async db =>
        {
            var service = await db.ConnectedServices.IgnoreQueryFilters().AsNoTracking().SingleAsync();
            return (service.PeopleInRun, service.LastError);
        });
}
