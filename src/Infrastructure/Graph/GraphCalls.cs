using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Infrastructure.Http;

namespace WorkSights.Infrastructure.Graph;

/// <summary>
/// Turns Graph's answers into the Application's exceptions: expired delta links, revoked consent, a missing Entra ID P1/P2
/// licence, throttling that outlasted the SDK's retries (with the wait Graph asked for), and everything else that may pass.
/// </summary>
internal static class GraphCalls
{
    /// <summary>Used when Graph throttles without saying how long to wait.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(30);

    /// <param name="clock">What an HTTP-date Retry-After is measured against.</param>
    public static async Task<T?> CallAsync<T>(Func<Task<T?>> call, TimeProvider clock)
    {
        try
        {
            return await call();
        }
        catch (ODataError error) when (error.ResponseStatusCode == 410
            || string.Equals(error.Error?.Code, "syncStateNotFound", StringComparison.OrdinalIgnoreCase)
            || string.Equals(error.Error?.Code, "resyncRequired", StringComparison.OrdinalIgnoreCase))
        {
            throw new DeltaLinkExpiredException("Microsoft 365 no longer knows where the last sync stopped.", error);
        }
        catch (ODataError error) when (error.ResponseStatusCode == 403
            && string.Equals(error.Error?.Code, "Authentication_RequestFromNonPremiumTenantOrB2CTenant", StringComparison.OrdinalIgnoreCase))
        {
            // A licence the organisation lacks, not a revoked consent: only the feed that needs it stops.
            throw new EntraPremiumRequiredException(error);
        }
        catch (ODataError error) when (error.ResponseStatusCode == 403)
        {
            throw new ConsentRevokedException($"Microsoft Graph denied access ({error.Error?.Code}).", error);
        }
        catch (ODataError error) when (error.ResponseStatusCode == 404)
        {
            throw new SourceNotFoundException($"Microsoft Graph has nothing to read here ({error.Error?.Code}).", error);
        }
        catch (ApiException error) when (error.ResponseStatusCode is 429 or 503)
        {
            throw new ProviderThrottledException(RetryAfter(error.ResponseHeaders, clock), error);
        }
        catch (ODataError error)
        {
            throw new ProviderUnavailableException($"Microsoft Graph answered {error.ResponseStatusCode} ({error.Error?.Code}).", error);
        }
        catch (ApiException error)
        {
            throw new ProviderUnavailableException($"Microsoft Graph answered {error.ResponseStatusCode}.", error);
        }
        catch (HttpRequestException error)
        {
            throw new ProviderUnavailableException("Microsoft Graph could not be reached.", error);
        }
        catch (System.Text.Json.JsonException error)
        {
            throw new ProviderUnavailableException("Microsoft Graph sent an answer that could not be read.", error);
        }
    }

    /// <summary>The wait Graph asked for, read by the one Retry-After parser, or <see cref="DefaultRetryAfter"/>.</summary>
    public static TimeSpan RetryAfter(IDictionary<string, IEnumerable<string>>? headers, TimeProvider clock) =>
        RetryAfterHeader.Of(headers, clock) ?? DefaultRetryAfter;
}
