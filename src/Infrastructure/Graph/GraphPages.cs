using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace WorkSights.Infrastructure.Graph;

/// <summary>
/// Sends a request the Graph SDK built (its authentication, middleware, retries and error mapping all apply) and reads the
/// page with System.Text.Json into the few fields WorkSights keeps. The SDK's own models track every property in a
/// backing store, which cost more CPU and garbage than anything else in a backfill.
/// </summary>
internal static class GraphPages
{
    private static readonly Dictionary<string, ParsableFactory<IParsable>> Errors = new(StringComparer.Ordinal)
    {
        ["XXX"] = ODataError.CreateFromDiscriminatorValue,
    };

    public static Task<GraphPage<T>?> ReadAsync<T>(IRequestAdapter adapter, RequestInformation request, JsonTypeInfo<GraphPage<T>> page, TimeProvider clock, CancellationToken cancellationToken) =>
        GraphCalls.CallAsync(async () =>
        {
            await using var body = await adapter.SendPrimitiveAsync<Stream>(request, Errors, cancellationToken);
            return body is null ? null : await JsonSerializer.DeserializeAsync(body, page, cancellationToken);
        },
        clock);
}

/// <summary>A page of a Graph collection: its items and the next page's link, or, ending a delta round, the delta link.</summary>
internal sealed record GraphPage<T>(
    List<T>? Value,
    [property: JsonPropertyName("@odata.nextLink")] string? NextLink,
    [property: JsonPropertyName("@odata.deltaLink")] string? DeltaLink);
