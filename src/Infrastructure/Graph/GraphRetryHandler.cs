using System.Globalization;
using System.Net;
using WorkSights.Infrastructure.Http;

namespace WorkSights.Infrastructure.Graph;

/// <summary>
/// Retries what Graph asks to be retried (429, 503, 504) after exactly the Retry-After it sent, at most three times and
/// only while that wait is at most 180 s; a longer wait, or a fourth refusal, is handed back so the job can be parked.
/// Waits run on the application's clock, so whatever drives the clock (a test, the benchmark) drives them too.
/// </summary>
internal sealed class GraphRetryHandler(TimeProvider clock) : DelegatingHandler
{
    public const int MaxRetries = 3;

    public static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(180);

    /// <summary>Graph's own first delay when a refusal carries no Retry-After; it doubles with each attempt.</summary>
    private static readonly TimeSpan DefaultDelay = TimeSpan.FromSeconds(3);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        for (var attempt = 1; attempt <= MaxRetries && WaitBeforeRetry(response, attempt) is { } wait; attempt++)
        {
            response.Dispose();
            await Task.Delay(wait, clock, cancellationToken);
            using var again = Copy(request, content, attempt);
            response = await base.SendAsync(again, cancellationToken);
        }

        return response;
    }

    private TimeSpan? WaitBeforeRetry(HttpResponseMessage response, int attempt)
    {
        if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout))
        {
            return null;
        }

        var wait = RetryAfterHeader.Of(response, clock) ?? DefaultDelay * Math.Pow(2, attempt - 1);
        return wait <= LongestWait ? wait : null;
    }

    private static HttpRequestMessage Copy(HttpRequestMessage original, byte[]? content, int attempt)
    {
        var copy = new HttpRequestMessage(original.Method, original.RequestUri) { Version = original.Version, VersionPolicy = original.VersionPolicy };
        foreach (var (name, values) in original.Headers)
        {
            copy.Headers.TryAddWithoutValidation(name, values);
        }

        copy.Headers.Remove("Retry-Attempt");
        copy.Headers.TryAddWithoutValidation("Retry-Attempt", attempt.ToString(CultureInfo.InvariantCulture));
        foreach (var (key, value) in original.Options)
        {
            ((IDictionary<string, object?>)copy.Options)[key] = value;
        }

        if (content is not null)
        {
            copy.Content = new ByteArrayContent(content);
            foreach (var (name, values) in original.Content!.Headers)
            {
                copy.Content.Headers.TryAddWithoutValidation(name, values);
            }
        }

        return copy;
    }
}
