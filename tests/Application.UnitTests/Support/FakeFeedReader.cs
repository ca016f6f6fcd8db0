using System.Runtime.CompilerServices;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Ingestion.Feeds.CallRecords;
using WorkSights.Application.Ingestion.Feeds.SignIns;

namespace WorkSights.Application.UnitTests.Support;

/// <summary>
/// A provider holding call records and sign-ins: answers a range with the items in it, in pages, and records the ranges
/// asked for. It can fail once after a number of pages, as a provider outage mid-read would.
/// </summary>
internal sealed class FakeFeedReader : ICallRecordReader, ISignInReader
{
    private int? failAfterPages;
    private Exception? failure;
    private int pagesServed;

    public List<TeamsCall> Calls { get; } = [];

    public List<SignInEvent> SignIns { get; } = [];

    public int PageSize { get; set; } = 100;

    public List<(DateTimeOffset From, DateTimeOffset To)> Ranges { get; } = [];

    /// <summary>What each call-record read said it had already seen (the fake serves every record regardless).</summary>
    public List<DateTimeOffset?> ChangedAfter { get; } = [];

    /// <summary>The next read fails with <paramref name="exception"/> once <paramref name="pages"/> more pages were served.</summary>
    public void FailAfter(int pages, Exception exception) => (failAfterPages, failure, pagesServed) = (pages, exception, 0);

    public IAsyncEnumerable<IReadOnlyList<TeamsCall>> ReadCallsAsync(string externalTenantId, DateTimeOffset from, DateTimeOffset to, DateTimeOffset? changedAfter, CancellationToken cancellationToken)
    {
        ChangedAfter.Add(changedAfter);
        return PagesAsync(Calls.Where(c => c.Start >= from && c.Start < to).ToList(), from, to);
    }

    public IAsyncEnumerable<IReadOnlyList<SignInEvent>> ReadSignInsAsync(string externalTenantId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        PagesAsync(SignIns.Where(s => s.CreatedAt >= from && s.CreatedAt < to).OrderByDescending(s => s.CreatedAt).ToList(), from, to);

    private async IAsyncEnumerable<IReadOnlyList<T>> PagesAsync<T>(List<T> items, DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Ranges.Add((from, to));
        var offset = 0;
        do
        {
            if (failAfterPages is { } limit && pagesServed == limit)
            {
                failAfterPages = null;
                throw failure!;
            }

            await Task.Yield();
            pagesServed++;
            yield return items.Skip(offset).Take(PageSize).ToList();
            offset += PageSize;
        }
        while (offset < items.Count);
    }
}
