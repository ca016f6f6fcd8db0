using System.Data.Common;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Ingestion;
using WorkSights.Application.Ingestion.Feeds.CallRecords;
using WorkSights.Application.Ingestion.Feeds.SignIns;

namespace WorkSights.Infrastructure.IntegrationTests.Support;

/// <summary>The process died: nothing catches this, the job simply stops where it was.</summary>
public sealed class SimulatedCrashException(string message) : Exception(message);

/// <summary>
/// Wraps the real reader: after <c>pagesBeforeCrash</c> pages were handed to the handler (and stored by it), the next page
/// is fetched from the provider and then the process "dies" before the handler sees it. <c>afterPage</c> runs after
/// the handler took each page (1-based count), to change the world mid-sync.
/// </summary>
public sealed class InterruptingMailboxReader(IMailboxReader inner, int? pagesBeforeCrash = null, Action<int>? afterPage = null) : IMailboxReader
{
    public int PagesDelivered { get; private set; }

    public IAsyncEnumerable<SourcePage<SentMail>> ReadSentMailAsync(string externalTenantId, string mailbox, string? resumeLink, DateTimeOffset since, CancellationToken cancellationToken) =>
        InterruptAsync(inner.ReadSentMailAsync(externalTenantId, mailbox, resumeLink, since, cancellationToken), cancellationToken);

    public IAsyncEnumerable<SourcePage<CalendarEntry>> ReadCalendarAsync(string externalTenantId, string mailbox, string? resumeLink, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        InterruptAsync(inner.ReadCalendarAsync(externalTenantId, mailbox, resumeLink, from, to, cancellationToken), cancellationToken);

    private async IAsyncEnumerable<SourcePage<T>> InterruptAsync<T>(IAsyncEnumerable<SourcePage<T>> pages, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in pages.WithCancellation(cancellationToken))
        {
            if (PagesDelivered == pagesBeforeCrash)
            {
                throw new SimulatedCrashException($"Crashed after {PagesDelivered} pages.");
            }

            yield return page;
            PagesDelivered++;
            afterPage?.Invoke(PagesDelivered);
        }
    }
}

/// <summary>
/// The workspace-wide feeds' counterpart of <see cref="InterruptingMailboxReader"/>: after <c>pagesBeforeCrash</c> pages
/// were handed to the import, the next page is fetched and then the process "dies".
/// </summary>
public sealed class InterruptingFeedReader(ICallRecordReader calls, ISignInReader signIns, int? pagesBeforeCrash = null) : ICallRecordReader, ISignInReader
{
    public int PagesDelivered { get; private set; }

    public IAsyncEnumerable<IReadOnlyList<TeamsCall>> ReadCallsAsync(string externalTenantId, DateTimeOffset from, DateTimeOffset to, DateTimeOffset? changedAfter, CancellationToken cancellationToken) =>
        InterruptAsync(calls.ReadCallsAsync(externalTenantId, from, to, changedAfter, cancellationToken), cancellationToken);

    public IAsyncEnumerable<IReadOnlyList<SignInEvent>> ReadSignInsAsync(string externalTenantId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        InterruptAsync(signIns.ReadSignInsAsync(externalTenantId, from, to, cancellationToken), cancellationToken);

    private async IAsyncEnumerable<IReadOnlyList<T>> InterruptAsync<T>(IAsyncEnumerable<IReadOnlyList<T>> pages, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in pages.WithCancellation(cancellationToken))
        {
            if (PagesDelivered == pagesBeforeCrash)
            {
                throw new SimulatedCrashException($"Crashed after {PagesDelivered} pages.");
            }

            yield return page;
            PagesDelivered++;
        }
    }
}

/// <summary>Kills the job at its N-th database command (0-based), including commands inside a page's transaction.</summary>
public sealed class CrashingCommandInterceptor(int commandsBeforeCrash) : DbCommandInterceptor
{
    public int Commands { get; private set; }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    private void Count()
    {
        if (Commands++ == commandsBeforeCrash)
        {
            throw new SimulatedCrashException($"Crashed at database command {commandsBeforeCrash}.");
        }
    }
}

/// <summary>A clock that runs in real time from a fake starting point, so request-log stamps show real waits.</summary>
public sealed class TickingClock(FakeTimeProvider start) : TimeProvider
{
    private readonly long started = Stopwatch.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start.GetUtcNow() + Stopwatch.GetElapsedTime(started);
}

/// <summary>
/// Wraps the real audit feed reader: after <c>blobsBeforeCrash</c> blobs were handed to the import (and stored by it),
/// the next blob is fetched from the provider and then the process "dies" before the import sees it.
/// </summary>
public sealed class InterruptingAuditFeedReader(IAuditFeedReader inner, int blobsBeforeCrash) : IAuditFeedReader
{
    public int BlobsDelivered { get; private set; }

    public Task StartSubscriptionAsync(string externalTenantId, string contentType, CancellationToken cancellationToken) =>
        inner.StartSubscriptionAsync(externalTenantId, contentType, cancellationToken);

    public IAsyncEnumerable<Application.Ingestion.Feeds.AuditLog.AuditContent> ListContentAsync(
        string externalTenantId, string contentType, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
        inner.ListContentAsync(externalTenantId, contentType, start, end, cancellationToken);

    public async Task<IReadOnlyList<Application.Ingestion.Feeds.AuditLog.AuditRecord>> ReadContentAsync(
        string externalTenantId, Application.Ingestion.Feeds.AuditLog.AuditContent content, CancellationToken cancellationToken)
    {
        var records = await inner.ReadContentAsync(externalTenantId, content, cancellationToken);
        if (BlobsDelivered == blobsBeforeCrash)
        {
            throw new SimulatedCrashException($"Crashed after {BlobsDelivered} blobs.");
        }

        BlobsDelivered++;
        return records;
    }
}
