using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Graph;
using Microsoft.Graph.Core.Requests;
using Microsoft.Kiota.Abstractions;
using WorkSights.Application.Common.Exceptions;

namespace WorkSights.Infrastructure.Graph;

/// <summary>
/// Sends many single reads as JSON batches of at most 20. Graph throttles each item on its own: only the items it
/// throttled are sent again, in a new batch, once the longest Retry-After among them has passed; the others never are.
/// </summary>
internal static class GraphBatch
{
    public const int MaxRequestsPerBatch = 20;

    /// <summary>Batches in flight at once: a day of call records is read in a few round trips instead of one after another.</summary>
    public const int BatchesAtOnce = 4;

    /// <summary>As the SDK's own retry handler: at most three more rounds, none waiting longer than 180 s.</summary>
    private const int MaxRetries = 3;

    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(180);

    /// <summary>Each key's item, or null where Graph no longer has it (404).</summary>
    public static async Task<IReadOnlyDictionary<string, T?>> GetAllAsync<T>(
        GraphServiceClient client, IReadOnlyList<(string Key, RequestInformation Request)> reads, JsonTypeInfo<T> item, TimeProvider clock, CancellationToken cancellationToken)
        where T : class
    {
        var results = new ConcurrentDictionary<string, T?>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            reads.Chunk(MaxRequestsPerBatch),
            new ParallelOptions { MaxDegreeOfParallelism = BatchesAtOnce, CancellationToken = cancellationToken },
            async (chunk, token) =>
            {
                foreach (var (key, read) in await GetBatchAsync(client, chunk, item, clock, token))
                {
                    results[key] = read;
                }
            });
        return results;
    }

    private static async Task<List<(string Key, T? Item)>> GetBatchAsync<T>(
        GraphServiceClient client, IReadOnlyList<(string Key, RequestInformation Request)> reads, JsonTypeInfo<T> item, TimeProvider clock, CancellationToken cancellationToken)
        where T : class
    {
        var results = new List<(string Key, T? Item)>(reads.Count);
        var pending = reads;
        for (var retry = 0; pending.Count > 0; retry++)
        {
            var batch = new BatchRequestContentCollection(client);
            var readOfStep = new Dictionary<string, (string Key, RequestInformation Request)>(StringComparer.Ordinal);
            foreach (var read in pending)
            {
                readOfStep[await batch.AddBatchRequestStepAsync(read.Request)] = read;
            }

            var response = await GraphCalls.CallAsync(() => client.Batch.PostAsync(batch, cancellationToken), clock)
                ?? throw new ProviderUnavailableException("Microsoft Graph answered a batch with nothing.");
            var statuses = await response.GetResponsesStatusCodesAsync();
            foreach (var (step, status) in statuses.Where(s => !IsThrottled(s.Value)))
            {
                results.Add((readOfStep[step].Key, await ReadAsync(response, step, status, item, clock, cancellationToken)));
            }

            var throttled = statuses.Keys.Where(step => IsThrottled(statuses[step])).ToList();
            pending = [.. throttled.Select(step => readOfStep[step])];
            if (pending.Count == 0)
            {
                break;
            }

            var wait = await LongestRetryAfterAsync(response, throttled, clock);
            if (retry == MaxRetries || wait > LongestWait)
            {
                throw new ProviderThrottledException(wait);
            }

            await Task.Delay(wait, clock, cancellationToken);
        }

        return results;
    }

    private static bool IsThrottled(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private static async Task<T?> ReadAsync<T>(BatchResponseContentCollection response, string step, HttpStatusCode status, JsonTypeInfo<T> item, TimeProvider clock, CancellationToken cancellationToken)
        where T : class
    {
        switch (status)
        {
            case HttpStatusCode.NotFound:
                return null;
            case HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized:
                throw new ConsentRevokedException($"Microsoft Graph denied access to a batched read ({(int)status}).");
            case >= HttpStatusCode.OK and < HttpStatusCode.MultipleChoices:
                using (var message = await response.GetResponseByIdAsync(step))
                {
                    await using var body = await message.Content.ReadAsStreamAsync(cancellationToken);
                    return await GraphCalls.CallAsync(() => JsonSerializer.DeserializeAsync(body, item, cancellationToken).AsTask(), clock);
                }

            default:
                throw new ProviderUnavailableException($"Microsoft Graph answered {(int)status} to a batched read.");
        }
    }

    private static async Task<TimeSpan> LongestRetryAfterAsync(BatchResponseContentCollection response, IEnumerable<string> steps, TimeProvider clock)
    {
        var longest = TimeSpan.FromSeconds(1);
        foreach (var step in steps)
        {
            using var item = await response.GetResponseByIdAsync(step);
            var headers = item?.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
            var wait = GraphCalls.RetryAfter(headers, clock);
            longest = wait > longest ? wait : longest;
        }

        return longest;
    }
}
