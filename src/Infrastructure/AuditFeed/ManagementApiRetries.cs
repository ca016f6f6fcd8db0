using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Infrastructure.Http;
using WorkSights.Infrastructure.Identity;

namespace WorkSights.Infrastructure.AuditFeed;

/// <summary>
/// The audit feed's HttpClient: the pinned-certificate handler when configured, and <see cref="ManagementApiRetryHandler"/>,
/// which waits exactly the Retry-After the API asked for on the application's <see cref="TimeProvider"/>. A wait longer
/// than <see cref="LongestWaitInProcess"/> is not retried there: the reader turns it into a ProviderThrottledException
/// and the scheduler parks the feed.
/// </summary>
public static class ManagementApiRetries
{
    public static readonly TimeSpan LongestWaitInProcess = TimeSpan.FromSeconds(180);

    /// <summary>Used when the API throttles without saying how long to wait.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>Registers the reader; its waits run on the registered <see cref="TimeProvider"/>, else the system clock.</summary>
    public static IServiceCollection AddAuditFeedReader(this IServiceCollection services)
    {
        services.AddHttpClient<IAuditFeedReader, ManagementActivityReader>()
            .ConfigurePrimaryHttpMessageHandler(sp =>
                PinnedCertificateHandler.Create(sp.GetRequiredService<IOptions<MicrosoftIdentityOptions>>().Value.PinnedCertificateThumbprint))
            .AddHttpMessageHandler(sp => new ManagementApiRetryHandler(sp.GetService<TimeProvider>() ?? TimeProvider.System));
        return services;
    }

    /// <summary>The wait the API asked for, read by the one Retry-After parser, or <see cref="DefaultRetryAfter"/>.</summary>
    internal static TimeSpan RetryAfter(HttpResponseMessage response, TimeProvider clock) =>
        RetryAfterHeader.Of(response, clock) ?? DefaultRetryAfter;

    internal static bool IsPassing(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
}
