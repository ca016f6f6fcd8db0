using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WorkSights.Domain.People;
using WorkSights.Sandbox;

namespace WorkSights.Benchmarks;

/// <summary>
/// Section 3: the request rate WorkSights achieves against an emulated per-mailbox envelope. The sandbox allows only
/// <see cref="RequestsPer10Minutes"/> requests per app + mailbox in its sliding 10-minute window, so every backfill
/// of Fabrikam has to cross windows. The app runs as deployed: the real scheduler (ActivitySyncWorker, default
/// 15-minute interval) is woken by the sign-up and re-runs the workspace when it is due; parked mailboxes resume when
/// it does. Both the sandbox's and the app's clocks run <see cref="Scale"/> times faster than real time, so a window
/// takes 10 real seconds; the figures below are in that emulated time.
/// </summary>
internal static class EnvelopeBenchmark
{
    public const double Scale = 60;
    public const int RequestsPer10Minutes = 3;
    public const double FractionTarget = 0.9;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    public static async Task RunAsync()
    {
        var organisation = SandboxTenants.Fabrikam;
        Report.Section($"Request rate against a per-mailbox envelope of {RequestsPer10Minutes} requests / 10 min (Fabrikam, clocks x{Scale})");
        var clock = new ScaledClock(Scale);
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions
        {
            TimeProvider = clock,
            MailboxRequestsPer10Minutes = RequestsPer10Minutes,
            AccessTokenLifetime = TimeSpan.FromDays(7),
        });
        await using var app = await AppHost.StartAsync(sandbox, new AppHostSettings
        {
            Clock = clock,
            ActivitySyncEnabled = true,
            PollInterval = TimeSpan.FromMilliseconds(100),

            // Pages of a hundred items make each mailbox need several windows of requests, so the envelope is reached.
            MailboxPageSize = 100,
        });

        sandbox.RequestLog.Clear();
        var started = Stopwatch.GetTimestamp();
        var (tenantId, _) = await app.SignUpAsync(sandbox, organisation);
        var mailboxes = (await app.QueryAsync(db => db.People.IgnoreQueryFilters()
                .Where(p => p.TenantId == tenantId && p.Status == PersonStatus.Active && p.ProvisioningState != ProvisioningState.Blocked)
                .Select(p => new { p.Id, p.ExternalId })
                .ToListAsync()))
            .Where(p => sandbox.Directory.GetWorkProfile(organisation.TenantId, p.ExternalId) is not null)
            .ToList();

        Dictionary<Guid, DateTimeOffset> completedAt = [];
        while (Stopwatch.GetElapsedTime(started) < Timeout)
        {
            completedAt = (await app.QueryAsync(db => db.SyncCheckpoints.IgnoreQueryFilters().AsNoTracking()
                    .Where(c => c.TenantId == tenantId)
                    .Select(c => new { c.PersonId, c.LastCompletedAt })
                    .ToListAsync()))
                .GroupBy(c => c.PersonId)
                .Where(g => g.Count() == 2 && g.All(c => c.LastCompletedAt is not null))
                .ToDictionary(g => g.Key, g => g.Max(c => c.LastCompletedAt!.Value));
            if (mailboxes.All(m => completedAt.ContainsKey(m.Id)))
            {
                break;
            }

            await Task.Delay(100);
        }

        var realElapsed = Stopwatch.GetElapsedTime(started);
        var log = sandbox.RequestLog.Entries;
        var perMailbox = mailboxes.Where(m => completedAt.ContainsKey(m.Id)).Select(m =>
        {
            var entries = log.Where(e => MailboxOf(e.PathAndQuery) is { } id && string.Equals(id, m.ExternalId, StringComparison.OrdinalIgnoreCase)
                    && e.TimestampUtc <= completedAt[m.Id])
                .OrderBy(e => e.TimestampUtc)
                .ToList();
            var admitted = entries.Where(e => e.StatusCode != 429).ToList();
            var windows = (int)Math.Ceiling(admitted.Count / (double)RequestsPer10Minutes);
            var ideal = Window * Math.Max(0, windows - 1);
            var actual = admitted.Count > 0 ? admitted[^1].TimestampUtc - entries[0].TimestampUtc : TimeSpan.Zero;
            return (Admitted: admitted.Count, Throttled: entries.Count - admitted.Count, Windows: windows, Ideal: ideal, Actual: actual);
        }).ToList();

        var bound = perMailbox.Where(m => m.Windows > 1).ToList();
        var idealTotal = bound.Sum(m => m.Ideal.TotalSeconds);
        var actualTotal = bound.Sum(m => m.Actual.TotalSeconds);
        var fraction = actualTotal > 0 ? idealTotal / actualTotal : 0;
        var allowedRate = RequestsPer10Minutes / Window.TotalSeconds;
        var achievedRate = actualTotal > 0 ? bound.Sum(m => m.Admitted - RequestsPer10Minutes) / actualTotal : 0;
        var throttled = perMailbox.Sum(m => m.Throttled);
        var total = perMailbox.Sum(m => m.Admitted + m.Throttled);
        var crossings = bound.Sum(m => m.Windows - 1);

        Report.Figure("mailboxes backfilled / expected", $"{completedAt.Count} / {mailboxes.Count} in {Report.Seconds(realElapsed)} real ({Report.Seconds(realElapsed * Scale)} emulated)");
        Report.Figure("requests per mailbox (admitted)", $"{perMailbox.Min(m => m.Admitted)}–{perMailbox.Max(m => m.Admitted)}; windows needed {perMailbox.Min(m => m.Windows)}–{perMailbox.Max(m => m.Windows)}");
        Report.Figure("time after the first window: best possible / actual", $"{idealTotal / 60:F1} / {actualTotal / 60:F1} emulated minutes, summed over {bound.Count} mailboxes");
        Report.Figure("rate per mailbox after the first window", $"{achievedRate * 60:F3} requests/min achieved vs {allowedRate * 60:F3} allowed");
        Report.Figure("429 answers", $"{throttled} of {total} requests ({100.0 * throttled / Math.Max(1, total):F0} %); {crossings} window crossings");
        Report.Target("share of the envelope used", fraction.ToString("P0", CultureInfo.InvariantCulture), $">= {FractionTarget:P0}", fraction >= FractionTarget);
        Report.Target(
            "no retry storm: 429s per window crossing",
            (throttled / (double)Math.Max(1, crossings)).ToString("F2", CultureInfo.InvariantCulture),
            "<= 2 (1 per feature)",
            throttled <= 2 * crossings,
            "A client that learns the envelope from 429s needs one per crossing; email and calendar each meet it at most once.");
    }

    /// <summary>
    /// The mailbox an Outlook request was for: /v1.0/users/{id}/mailFolders|calendarView|mailboxSettings/... — the
    /// requests the sandbox counts in the mailbox's envelope (the mailbox settings read ahead of the mail and calendar
    /// takes one of the first window's requests).
    /// </summary>
    private static string? MailboxOf(string pathAndQuery)
    {
        const string prefix = "/v1.0/users/";
        if (!pathAndQuery.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = pathAndQuery[prefix.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return null;
        }

        var tail = rest[slash..];
        return tail.StartsWith("/mailFolders", StringComparison.OrdinalIgnoreCase) || tail.StartsWith("/calendarView", StringComparison.OrdinalIgnoreCase)
            || tail.StartsWith("/mailboxSettings", StringComparison.OrdinalIgnoreCase)
            ? Uri.UnescapeDataString(rest[..slash])
            : null;
    }
}
