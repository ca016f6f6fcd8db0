using System.Globalization;
using WorkSights.Benchmarks;

// WorkSights benchmarks (Release). Sections: backfill (1,000-person backfill, no-change incremental, store phase vs raw
// insert), envelope (request rate against a per-mailbox envelope), memory (2,000-person backfill, flatness), directory
// (directory read vs bare HttpClient), and, on request only, replay (backfill plus the store phase re-run with the
// Graph pages replayed from memory into a fresh database) and writes (the write path alone, synthetic pages). Default:
// all but replay and writes. Select with --only a,b.
// Each backfill runs the application in a child process of this program against a sandbox hosted here, so that its
// memory figures are the application's own.
if (args is ["--child", "backfill", ..])
{
    // A backfill measurement in its own process, against the parent's sandbox (see BackfillBenchmark.RunAsync).
    Report.Child = true;
    var named = args.Skip(2).Chunk(2).ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
    var result = await BackfillBenchmark.MeasureAsync(
        new SandboxEndpoint(new Uri(named["--http"]), new Uri(named["--https"]), named["--thumbprint"], int.Parse(named["--sandbox-process"], CultureInfo.InvariantCulture)),
        new SandboxAdmin(named["--admin-tenant"], named["--admin-id"], named["--admin-mail"], named["--admin-name"]),
        int.Parse(named["--people"], CultureInfo.InvariantCulture),
        bool.Parse(named["--full"]),
        bool.Parse(named["--replay"]));
    Console.WriteLine(result.ToLine());
    return 0;
}

string[] all = ["backfill", "envelope", "memory", "directory", "replay", "writes", "recompute"];
string[] onRequest = ["replay", "writes", "recompute"];
var only = all.Except(onRequest).ToHashSet(StringComparer.OrdinalIgnoreCase);
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--only" && i + 1 < args.Length)
    {
        only = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (only.Except(all, StringComparer.OrdinalIgnoreCase).FirstOrDefault() is { } unknown)
        {
            Console.Error.WriteLine($"Unknown section '{unknown}'. Sections: {string.Join(", ", all)}.");
            return 2;
        }
    }
    else
    {
        Console.Error.WriteLine("Usage: WorkSights.Benchmarks [--only backfill,envelope,memory,directory,replay,writes,recompute]");
        return 2;
    }
}

Console.WriteLine($"WorkSights benchmarks: {Environment.ProcessorCount} cores, .NET {Environment.Version}, Server GC {System.Runtime.GCSettings.IsServerGC}, sections {string.Join(", ", all.Where(only.Contains))}");
var started = System.Diagnostics.Stopwatch.GetTimestamp();
BackfillResult? small = null;
if (only.Contains("backfill") || only.Contains("replay"))
{
    small = await BackfillBenchmark.RunAsync(1000, full: true, replay: only.Contains("replay"));
}

if (only.Contains("envelope"))
{
    await EnvelopeBenchmark.RunAsync();
}

if (only.Contains("memory"))
{
    small ??= await BackfillBenchmark.RunAsync(1000, full: false);
    var large = await BackfillBenchmark.RunAsync(2000, full: false);
    Report.Section("Memory flatness when the tenant doubles");
    var ratio = large.PeakWorkingSet / (double)small.PeakWorkingSet;
    Report.Figure("peak working set 1,000 / 2,000 people", $"{Report.Mb(small.PeakWorkingSet)} / {Report.Mb(large.PeakWorkingSet)}");
    Report.Figure("growth over the pre-run working set", $"{Report.Mb(small.PeakWorkingSet - small.BaselineWorkingSet)} / {Report.Mb(large.PeakWorkingSet - large.BaselineWorkingSet)}");
    Report.Figure("peak managed heap 1,000 / 2,000 people", $"{Report.Mb(small.PeakManaged)} / {Report.Mb(large.PeakManaged)}");
    Report.Figure("backfill 2,000 people", $"{large.Activities:N0} activities in {Report.Seconds(large.Wall)} = {Report.Rate(large.Activities / large.Wall.TotalSeconds, "/s")}");
    Report.Target("peak memory, 2,000 people", Report.Mb(large.PeakWorkingSet), "<= 400 MB", large.PeakWorkingSet <= BackfillBenchmark.MemoryTargetBytes);
    Report.Target("peak memory ratio 2,000 / 1,000 people", ratio.ToString("F2", CultureInfo.InvariantCulture), "flat (<= 1.20)", ratio <= 1.2);
}

if (only.Contains("recompute"))
{
    await RecomputeBenchmark.RunAsync();
}

if (only.Contains("writes"))
{
    await WritePathBenchmark.RunAsync();
}

if (only.Contains("directory"))
{
    await DirectoryReadBenchmark.RunAsync();
}

Report.Summary();
Console.WriteLine($"Total {Report.Seconds(System.Diagnostics.Stopwatch.GetElapsedTime(started))}.");
return 0;
