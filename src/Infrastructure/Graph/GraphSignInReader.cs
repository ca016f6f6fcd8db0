using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Graph.Models;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Ingestion.Feeds.SignIns;

namespace WorkSights.Infrastructure.Graph;

/// <summary>Reads the directory's sign-in log through Graph, a creation-time range at a time, in the largest pages it allows.</summary>
public sealed class GraphSignInReader(GraphClientFactory graphClients) : ISignInReader
{
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
            yield return [.. (page.Value ?? []).Where(s => s.Id is not null).Select(ToEvent)];
            page = page.OdataNextLink is { } next
                ? await GraphCalls.CallAsync(() => signIns.WithUrl(next).GetAsync(cancellationToken: cancellationToken), graphClients.Clock)
                : null;
        }
    }

    private static SignInEvent ToEvent(SignIn signIn) => new(
        signIn.Id!,
        signIn.CreatedDateTime ?? DateTimeOffset.MinValue,
        signIn.UserId,
        signIn.UserPrincipalName,
        signIn.AppDisplayName,
        signIn.IpAddress,
        signIn.Status?.ErrorCode ?? 0,
        signIn.Location is { } location
            ? new SignInPlace(location.City, location.State, location.CountryOrRegion, location.GeoCoordinates?.Latitude, location.GeoCoordinates?.Longitude)
            : null);

    private static string GraphTime(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
