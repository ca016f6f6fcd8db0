using System.Net;
using Microsoft.Graph;
using Microsoft.Graph.Core.Requests;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using WorkSights.Application.Common.Exceptions;

namespace WorkSights.Infrastructure.Graph;

/// <summary>
/// Sends many single reads as JSON batches of at most 20. Graph throttles each item on its own: only the items it
/// throttled are sent again, in a new batch, once the longest Retry-After among them has passed; the others never are.
/// </summary>
internal static class GraphBatch
{
    public const int MaxRequestsPerBatch = 20;

    /// <summary>As the SDK's own retry handler: at most three more rounds, none waiting longer than 180 s.</summary>
    private const int MaxRetries = 3;

    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(180);

    /// <summary>Each key's item, or null where Graph no longer has it (404).</summary>
    public static async Task<IReadOnlyDictionary<string, T?>> GetAllAsync<T>(
        GraphServiceClient client, IReadOnlyList<(string Key, RequestInformation Request)> reads, TimeProvider clock, CancellationToken cancellationToken)
        where T : IParsable, new()
    {
        var results = new Dictionary<string, T?>(StringComparer.Ordinal);
        foreach (var chunk in reads.Chunk(MaxRequestsPerBatch))
        {
            IReadOnlyList<(string Key, RequestInformation Request)> pending = chunk;
            for (var retry = 0; pending.Count > 0; retry++)
            {
                var batch = new BatchRequestContentCollection(client);
                var readOfStep = new Dictionary<string, (string Key, RequestInformation Request)>(StringComparer.Ordinal);
                foreach (var read in pending)
                {
                    readOfStep[await batch.AddBatchRequestStepAsync(read.Request)] = read;
                }

                var response = await GraphCalls.CallAsync(() => client.Batch.PostAsync(batch, cancellationToken))
                    ?? throw new ProviderUnavailableException("Microsoft Graph answered a batch with nothing.");
                var statuses = await response.GetResponsesStatusCodesAsync();
                foreach (var (step, status) in statuses.Where(s => !IsThrottled(s.Value)))
                {
                    results[readOfStep[step].Key] = await ReadAsync<T>(response, step, status);
                }

                var throttled = statuses.Keys.Where(step => IsThrottled(statuses[step])).ToList();
                pending = [.. throttled.Select(step => readOfStep[step])];
                if (pending.Count == 0)
                {
                    break;
                }

                var wait = await LongestRetryAfterAsync(response, throttled);
                if (retry == MaxRetries || wait > LongestWait)
                {
                    throw new ProviderThrottledException(wait);
                }

                await Task.Delay(wait, clock, cancellationToken);
            }
        }

        return results;
    }

    private static bool IsThrottled(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private static async Task<T?> ReadAsync<T>(BatchResponseContentCollection response, string step, HttpStatusCode status)
        where T : IParsable, new() => status switch
        {
            HttpStatusCode.NotFound => default,
            HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized => throw new ConsentRevokedException($"Microsoft Graph denied access to a batched read ({(int)status})."),
            >= HttpStatusCode.OK and < HttpStatusCode.MultipleChoices => await response.GetResponseByIdAsync<T>(step),
            _ => throw new ProviderUnavailableException($"Microsoft Graph answered {(int)status} to a batched read."),
        };

    private static async Task<TimeSpan> LongestRetryAfterAsync(BatchResponseContentCollection response, IEnumerable<string> steps)
    {
        var longest = TimeSpan.FromSeconds(1);
        foreach (var step in steps)
        {
            using var item = await response.GetResponseByIdAsync(step);
            var headers = item?.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
            var wait = GraphCalls.RetryAfter(headers);
            longest = wait > longest ? wait : longest;
        }

        return longest;
    }
}
