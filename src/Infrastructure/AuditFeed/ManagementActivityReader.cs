using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Options;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Ingestion.Feeds.AuditLog;
using WorkSights.Infrastructure.Http;
using WorkSights.Infrastructure.Identity;

namespace WorkSights.Infrastructure.AuditFeed;

/// <summary>
/// The Office 365 Management Activity API over a typed HttpClient, with app-only tokens for the manage.office.com
/// resource. Tokens go only to the configured API host: content and next-page addresses the feed hands back are
/// checked against it.
/// </summary>
internal sealed class ManagementActivityReader(HttpClient http, AppOnlyTokenProvider tokens, IOptions<MicrosoftIdentityOptions> options, TimeProvider clock)
    : IAuditFeedReader
{
    private const string AuditLogDisabled = "AF20023";
    private const string AlreadyEnabled = "AF20024";
    private const string NoSubscription = "AF20022";

    private readonly MicrosoftIdentityOptions settings = options.Value;

    public async Task StartSubscriptionAsync(string externalTenantId, string contentType, CancellationToken cancellationToken)
    {
        var uri = FeedUri(externalTenantId, $"subscriptions/start?contentType={Uri.EscapeDataString(contentType)}");
        using var response = await SendAsync(externalTenantId, HttpMethod.Post, uri, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var error = await ErrorOfAsync(response, cancellationToken);
            if (error.Code != AlreadyEnabled)
            {
                throw Failure(response, error);
            }
        }
    }

    public async IAsyncEnumerable<AuditContent> ListContentAsync(
        string externalTenantId, string contentType, DateTimeOffset start, DateTimeOffset end, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Uri? next = FeedUri(externalTenantId, $"subscriptions/content?contentType={Uri.EscapeDataString(contentType)}&startTime={Time(start)}&endTime={Time(end)}");
        var resubscribed = false;
        while (next is not null)
        {
            using var response = await SendAsync(externalTenantId, HttpMethod.Get, next, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var error = await ErrorOfAsync(response, cancellationToken);
                if (error.Code == NoSubscription && !resubscribed)
                {
                    // The subscription was stopped outside WorkSights: start it again and list the same page.
                    resubscribed = true;
                    await StartSubscriptionAsync(externalTenantId, contentType, cancellationToken);
                    continue;
                }

                throw Failure(response, error);
            }

            var page = await ReadJsonAsync<List<ContentJson>>(response, cancellationToken) ?? [];
            foreach (var content in page)
            {
                if (content.ContentId is null || content.ContentUri is null || !Uri.TryCreate(content.ContentUri, UriKind.Absolute, out var contentUri))
                {
                    throw new ProviderUnavailableException("The audit feed listed content without an address.");
                }

                yield return new AuditContent(content.ContentId, contentUri, content.ContentCreated ?? end);
            }

            next = response.Headers.TryGetValues("NextPageUri", out var values) && values.FirstOrDefault() is { Length: > 0 } link
                ? new Uri(link, UriKind.Absolute)
                : null;
        }
    }

    public async Task<IReadOnlyList<AuditRecord>> ReadContentAsync(string externalTenantId, AuditContent content, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(externalTenantId, HttpMethod.Get, content.ContentUri, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw Failure(response, await ErrorOfAsync(response, cancellationToken));
        }

        using var document = await ReadJsonAsync<JsonDocument>(response, cancellationToken)
            ?? throw new ProviderUnavailableException("The audit feed sent an empty content blob.");
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new ProviderUnavailableException("The audit feed sent a content blob that could not be read.");
        }

        return [.. document.RootElement.EnumerateArray().Select(AuditRecordJson.Read).OfType<AuditRecord>()];
    }

    private Uri FeedUri(string externalTenantId, string relative) =>
        new(settings.ManagementApiBaseUrl, $"api/v1.0/{Uri.EscapeDataString(externalTenantId)}/activity/feed/{relative}");

    private static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private async Task<HttpResponseMessage> SendAsync(string externalTenantId, HttpMethod method, Uri uri, CancellationToken cancellationToken)
    {
        if (!IsManagementApi(uri))
        {
            throw new ProviderUnavailableException($"The audit feed pointed to {uri.Host}, which is not the Management Activity API.");
        }

        var token = await tokens.GetTokenAsync(externalTenantId, settings.ManagementScope, cancellationToken);
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (HttpRequestException error)
        {
            throw new ProviderUnavailableException("The Management Activity API could not be reached.", error);
        }
        catch (TaskCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ProviderUnavailableException("The Management Activity API did not answer in time.", error);
        }
    }

    /// <summary>Same scheme, host and port as configured, and TLS unless the API is on this machine.</summary>
    private bool IsManagementApi(Uri uri) =>
        Uri.Compare(uri, settings.ManagementApiBaseUrl, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
        && (uri.Scheme == Uri.UriSchemeHttps || uri.IsLoopback);

    private static async Task<T?> ReadJsonAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await JsonSerializer.DeserializeAsync<T>(stream, JsonOptions, cancellationToken);
        }
        catch (JsonException error)
        {
            throw new ProviderUnavailableException("The audit feed sent an answer that could not be read.", error);
        }
    }

    private static async Task<ErrorJson> ErrorOfAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return JsonSerializer.Deserialize<ErrorEnvelope>(body, JsonOptions)?.Error ?? new ErrorJson(null, null);
        }
        catch (JsonException)
        {
            return new ErrorJson(null, null);
        }
    }

    private Exception Failure(HttpResponseMessage response, ErrorJson error)
    {
        var status = (int)response.StatusCode;
        return error.Code switch
        {
            AuditLogDisabled => new AuditLogNotEnabledException(error.Message ?? "The subscription was disabled."),
            _ when response.StatusCode is HttpStatusCode.TooManyRequests || (status == 503 && RetryAfterHeader.Of(response, clock) is not null) =>
                new ProviderThrottledException(ManagementApiRetries.RetryAfter(response, clock)),
            _ when response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                new ConsentRevokedException($"The Management Activity API denied access ({error.Code ?? status.ToString(CultureInfo.InvariantCulture)})."),
            _ => new ProviderUnavailableException($"The Management Activity API answered {status} ({error.Code})."),
        };
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private sealed record ContentJson(string? ContentType, string? ContentId, string? ContentUri, DateTimeOffset? ContentCreated);

    private sealed record ErrorEnvelope(ErrorJson? Error);

    private sealed record ErrorJson(string? Code, string? Message);
}
