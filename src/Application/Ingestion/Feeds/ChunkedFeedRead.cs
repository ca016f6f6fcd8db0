using WorkSights.Domain.Activities;

namespace WorkSights.Application.Ingestion.Feeds;

/// <summary>
/// Reads a time-ranged feed in consecutive chunks, oldest first. Each page is stored as it comes; the checkpoint moves to a
/// chunk's end together with the chunk's last page, so a crash costs at most one chunk's re-read.
/// </summary>
internal static class ChunkedFeedRead
{
    public static async Task ImportAsync<T>(
        FeedImportContext context,
        DateTimeOffset from,
        TimeSpan chunkLength,
        Func<DateTimeOffset, DateTimeOffset, IAsyncEnumerable<IReadOnlyList<T>>> readRange,
        Func<IReadOnlyList<T>, IReadOnlyCollection<ActivityRecord>> toActivities,
        CancellationToken cancellationToken)
    {
        for (var start = from; start < context.Now;)
        {
            var end = start + chunkLength < context.Now ? start + chunkLength : context.Now;
            await ImportChunkAsync(context, end, readRange(start, end), toActivities, cancellationToken);
            start = end;
        }
    }

    private static async Task ImportChunkAsync<T>(
        FeedImportContext context,
        DateTimeOffset end,
        IAsyncEnumerable<IReadOnlyList<T>> pages,
        Func<IReadOnlyList<T>, IReadOnlyCollection<ActivityRecord>> toActivities,
        CancellationToken cancellationToken)
    {
        // One page is read ahead, so the last page of the chunk is known when it is stored and can carry the checkpoint.
        await using var reader = pages.GetAsyncEnumerator(cancellationToken);
        if (!await reader.MoveNextAsync())
        {
            await context.WriteAsync([], stored => context.Checkpoint.Advance(end, stored), cancellationToken);
            return;
        }

        while (true)
        {
            var records = toActivities(reader.Current);
            var isLast = !await reader.MoveNextAsync();
            await context.WriteAsync(
                records,
                stored =>
                {
                    if (isLast)
                    {
                        context.Checkpoint.Advance(end, stored);
                    }
                    else
                    {
                        context.Checkpoint.Stored(stored);
                    }
                },
                cancellationToken);
            if (isLast)
            {
                return;
            }
        }
    }
}
