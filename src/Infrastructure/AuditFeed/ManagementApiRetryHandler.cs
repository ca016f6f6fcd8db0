using System.Net;
using WorkSights.Infrastructure.Http;

namespace WorkSights.Infrastructure.AuditFeed;

/// <summary>
/// Retries the Management Activity API's throttling (429) and passing failures (500, 502, 503, 504, no answer) at most
/// three times. A refusal is retried after exactly the Retry-After it carries, read by the parser Graph uses; without
/// one, after 1, 2 and 4 seconds. A wait longer than <see cref="ManagementApiRetries.LongestWaitInProcess"/> is handed
/// back at once. Waits run on the application's clock.
/// </summary>
internal sealed class ManagementApiRetryHandler(TimeProvider clock) : DelegatingHandler
{
    public const int MaxRetries = 3;

    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The feed's requests carry no body, so the same message can be sent again.
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException) when (attempt <= MaxRetries)
            {
                await Task.Delay(Backoff(attempt), clock, cancellationToken);
                continue;
            }

            if (attempt > MaxRetries || WaitBeforeRetry(response, attempt) is not { } wait)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(wait, clock, cancellationToken);
        }
    }

    private TimeSpan? WaitBeforeRetry(HttpResponseMessage response, int attempt)
    {
        if (!ManagementApiRetries.IsPassing(response.StatusCode))
        {
            return null;
        }

        var wait = RetryAfterHeader.Of(response, clock) ?? Backoff(attempt);
        return wait <= ManagementApiRetries.LongestWaitInProcess ? wait : null;
    }

    private static TimeSpan Backoff(int attempt) => FirstDelay * Math.Pow(2, attempt - 1);
}
