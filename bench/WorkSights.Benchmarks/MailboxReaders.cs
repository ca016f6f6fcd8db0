using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Ingestion;

namespace WorkSights.Benchmarks;

/// <summary>Time spent fetching pages (the reader) and storing them (the handler, between one page and the next).</summary>
internal sealed class PageTimes
{
    private readonly Lock storing = new();
    private long fetchTicks;
    private long storeTicks;
    private long pages;
    private long items;
    private int storesUnderWay;
    private long storingSince;
    private long storeWallTicks;

    public TimeSpan Fetch => TimeSpan.FromTicks(Interlocked.Read(ref fetchTicks));

    public TimeSpan Store => TimeSpan.FromTicks(Interlocked.Read(ref storeTicks));

    /// <summary>Wall time during which at least one page was being stored: the store phase's own duration.</summary>
    public TimeSpan StoreWall => TimeSpan.FromTicks(Interlocked.Read(ref storeWallTicks));

    public long Pages => Interlocked.Read(ref pages);

    public long Items => Interlocked.Read(ref items);

    public void Reset()
    {
        Interlocked.Exchange(ref fetchTicks, 0);
        Interlocked.Exchange(ref storeTicks, 0);
        Interlocked.Exchange(ref pages, 0);
        Interlocked.Exchange(ref items, 0);
        Interlocked.Exchange(ref storeWallTicks, 0);
    }

    public void StoreStarted()
    {
        lock (storing)
        {
            if (storesUnderWay++ == 0)
            {
                storingSince = Stopwatch.GetTimestamp();
            }
        }
    }

    public void AddFetch(TimeSpan elapsed) => Interlocked.Add(ref fetchTicks, elapsed.Ticks);

    public void AddStore(TimeSpan elapsed, int count)
    {
        lock (storing)
        {
            if (--storesUnderWay == 0)
            {
                Interlocked.Add(ref storeWallTicks, Stopwatch.GetElapsedTime(storingSince).Ticks);
            }
        }

        Interlocked.Add(ref storeTicks, elapsed.Ticks);
        Interlocked.Increment(ref pages);
        Interlocked.Add(ref items, count);
    }
}

/// <summary>
/// Wraps the application's mailbox reader without changing what it reads: the time until a page arrives counts as
/// fetching, the time until the handler asks for the next one counts as storing (MailboxPageWriter + SaveChanges).
/// </summary>
internal sealed class TimedMailboxReader(IMailboxReader inner, PageTimes times) : IMailboxReader
{
    public IAsyncEnumerable<SourcePage<SentMail>> ReadSentMailAsync(string externalTenantId, string mailbox, string? resumeLink, DateTimeOffset since, CancellationToken cancellationToken) =>
        TimeAsync(inner.ReadSentMailAsync(externalTenantId, mailbox, resumeLink, since, cancellationToken), cancellationToken);

    public IAsyncEnumerable<SourcePage<CalendarEntry>> ReadCalendarAsync(string externalTenantId, string mailbox, string? resumeLink, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        TimeAsync(inner.ReadCalendarAsync(externalTenantId, mailbox, resumeLink, from, to, cancellationToken), cancellationToken);

    private async IAsyncEnumerable<SourcePage<T>> TimeAsync<T>(IAsyncEnumerable<SourcePage<T>> pages, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var enumerator = pages.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            var fetching = Stopwatch.GetTimestamp();
            if (!await enumerator.MoveNextAsync())
            {
                times.AddFetch(Stopwatch.GetElapsedTime(fetching));
                yield break;
            }

            times.AddFetch(Stopwatch.GetElapsedTime(fetching));
            var page = enumerator.Current;
            var storing = Stopwatch.GetTimestamp();
            times.StoreStarted();
            yield return page;
            times.AddStore(Stopwatch.GetElapsedTime(storing), page.Items.Count + page.RemovedIds.Count);
        }
    }
}

/// <summary>Every page one backfill read from Graph, per mailbox, or the failure it met; replayed from memory.</summary>
internal sealed class RecordedMailboxes
{
    public ConcurrentDictionary<string, Recording<SentMail>> Mail { get; } = new(StringComparer.OrdinalIgnoreCase);

    public ConcurrentDictionary<string, Recording<CalendarEntry>> Calendar { get; } = new(StringComparer.OrdinalIgnoreCase);

    public long Items => Mail.Values.Sum(r => r.Pages.Sum(p => p.Items.Count)) + Calendar.Values.Sum(r => r.Pages.Sum(p => p.Items.Count));

    /// <summary>Reads each mailbox as a first sync does (29 days back; calendar 30 days ahead), 4 at a time.</summary>
    public static async Task<RecordedMailboxes> RecordAsync(IServiceProvider services, string externalTenantId, IReadOnlyList<string> mailboxes, DateTimeOffset now)
    {
        var recorded = new RecordedMailboxes();
        var since = now - Application.Ingestion.SyncMailbox.SyncMailboxCommandHandler.Backfill;
        var until = now + Application.Ingestion.SyncMailbox.SyncMailboxCommandHandler.CalendarLookAhead;
        await Parallel.ForEachAsync(mailboxes, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (mailbox, token) =>
        {
            using var scope = services.CreateScope();
            var reader = scope.ServiceProvider.GetRequiredService<IMailboxReader>();
            recorded.Mail[mailbox] = await Recording<SentMail>.ReadAsync(reader.ReadSentMailAsync(externalTenantId, mailbox, null, since, token));
            recorded.Calendar[mailbox] = await Recording<CalendarEntry>.ReadAsync(reader.ReadCalendarAsync(externalTenantId, mailbox, null, since, until, token));
        });
        return recorded;
    }
}

internal sealed record Recording<T>(IReadOnlyList<SourcePage<T>> Pages, Exception? Failure)
{
    public static async Task<Recording<T>> ReadAsync(IAsyncEnumerable<SourcePage<T>> source)
    {
        var pages = new List<SourcePage<T>>();
        try
        {
            await foreach (var page in source)
            {
                pages.Add(page);
            }

            return new Recording<T>(pages, null);
        }
        catch (Exception ex) when (ex is Application.Common.Exceptions.ProviderUnavailableException or Application.Common.Exceptions.ProviderThrottledException)
        {
            return new Recording<T>(pages, ex);
        }
    }
}

/// <summary>Serves the recorded pages instead of Graph, so a run measures everything but the provider.</summary>
internal sealed class ReplayMailboxReader(RecordedMailboxes recorded) : IMailboxReader
{
    public IAsyncEnumerable<SourcePage<SentMail>> ReadSentMailAsync(string externalTenantId, string mailbox, string? resumeLink, DateTimeOffset since, CancellationToken cancellationToken) =>
        ReplayAsync(recorded.Mail, mailbox);

    public IAsyncEnumerable<SourcePage<CalendarEntry>> ReadCalendarAsync(string externalTenantId, string mailbox, string? resumeLink, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        ReplayAsync(recorded.Calendar, mailbox);

    private static async IAsyncEnumerable<SourcePage<T>> ReplayAsync<T>(ConcurrentDictionary<string, Recording<T>> recordings, string mailbox)
    {
        var recording = recordings[mailbox];
        foreach (var page in recording.Pages)
        {
            await Task.Yield();
            yield return page;
        }

        if (recording.Failure is { } failure)
        {
            throw failure;
        }
    }
}
