using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Graph.Models;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Ingestion.Feeds.SignIns;

namespace WorkSights.Infrastructure.Graph;

/// <summary>
/// Reads the directory's sign-in log through Graph, a creation-time range at a time, in the largest pages it allows. A sign-in
/// without an id or a creation time is skipped and logged, never stored.
/// </summary>
public sealed partial class GraphSignInReader(GraphClientFactory graphClients, ILogger<GraphSignInReader>? logger = null) : ISignInReader
{
    private readonly ILogger log = logger ?? NullLogger<GraphSignInReader>.Instance;

    /// <summary>Graph's default and largest sign-in page.</summary>
    public const int PageSize = 1000;

    public async IAsyncEnumerable<IReadOnlyList<SignInEvent>> ReadSignInsAsync(
        string externalTenantId, DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var signIns = graphClients.ForTenant(externalTenantId).AuditLogs.SignIns;
        var page = await GraphCalls.CallAsync(() => signIns.GetAsync(
            request =>
            {
                request.QueryParameters.Filter = $"createdDateTime ge {GraphTime(from)} and createdDateTime lt {GraphTime(to)}";
                request.QueryParameters.Top = PageSize;
            },
            cancellationToken), graphClients.Clock);
        while (page is not null)
        {
            var signInPage = page.Value ?? [];
            var events = signInPage.Select(ToEvent).OfType<SignInEvent>().ToList();
            if (events.Count < signInPage.Count)
            {
                LogIncompleteSignIns(log, signInPage.Count - events.Count);
            }

            yield return events;
            page = page.OdataNextLink is { } next
                ? await GraphCalls.CallAsync(() => signIns.WithUrl(next).GetAsync(cancellationToken: cancellationToken), graphClients.Clock)
                : null;
        }
    }

    /// <summary>The sign-in, or null without an id or a creation time.</summary>
    internal static SignInEvent? ToEvent(SignIn signIn) =>
        string.IsNullOrWhiteSpace(signIn.Id) || signIn.CreatedDateTime is not { } at ? null : ToEvent(signIn, signIn.Id, at);

    private static SignInEvent ToEvent(SignIn signIn, string id, DateTimeOffset at) => new(
        id,
        at,
        signIn.UserId,
        signIn.UserPrincipalName,
        signIn.AppDisplayName,
        signIn.IpAddress,
        signIn.Status?.ErrorCode ?? 0,
        signIn.Location is { } location
            ? new SignInPlace(location.City, location.State, location.CountryOrRegion, location.GeoCoordinates?.Latitude, location.GeoCoordinates?.Longitude)
            : null);

    private static string GraphTime(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped {Count} sign-ins without an id or a creation time")]
    private static partial void LogIncompleteSignIns(ILogger logger, int count);
}
