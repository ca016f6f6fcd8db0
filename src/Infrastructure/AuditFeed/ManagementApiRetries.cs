using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Infrastructure.Identity;

namespace WorkSights.Infrastructure.AuditFeed;

/// <summary>
/// The audit feed's HttpClient: the pinned-certificate handler when configured, and retries of throttling and passing
/// failures that wait exactly the Retry-After the API asked for. A wait longer than <see cref="LongestWaitInProcess"/>
/// is not retried here: the reader turns it into a ProviderThrottledException and the scheduler parks the feed.
/// </summary>
public static class ManagementApiRetries
{
    public static readonly TimeSpan LongestWaitInProcess = TimeSpan.FromSeconds(180);

    /// <summary>Used when the API throttles without saying how long to wait.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddAuditFeedReader(this IServiceCollection services)
    {
        services.AddHttpClient<IAuditFeedReader, ManagementActivityReader>()
            .ConfigurePrimaryHttpMessageHandler(sp =>
                PinnedCertificateHandler.Create(sp.GetRequiredService<IOptions<MicrosoftIdentityOptions>>().Value.PinnedCertificateThumbprint))
            .AddResilienceHandler("audit-feed", pipeline => pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 3,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(1),
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome)),
            }));
        return services;
    }

    /// <summary>Retry-After in seconds or as an HTTP date; never shorter than a second.</summary>
    public static TimeSpan RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } at ? at - DateTimeOffset.UtcNow : DefaultRetryAfter);
        return TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(wait.TotalSeconds)));
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException } => true,
        { Result: { } response } when IsPassing(response.StatusCode) => RetryAfter(response) <= LongestWaitInProcess,
        _ => false,
    };

    private static bool IsPassing(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
}
