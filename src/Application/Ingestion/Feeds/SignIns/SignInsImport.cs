using System.Net;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Activities;
using WorkSights.Domain.Ingestion;

namespace WorkSights.Application.Ingestion.Feeds.SignIns;

/// <summary>
/// Successful sign-ins to the directory, a week at a time, with the city and network address they came from; a sign-in
/// from a cloud provider's network is marked, since the city reported for it is the datacenter's.
/// </summary>
public sealed class SignInsImport(ISignInReader reader, ICloudNetworks cloudNetworks) : IFeedImport
{
    /// <summary>Graph keeps sign-ins for 30 days; a day less leaves room for clock skew at the oldest edge.</summary>
    public static readonly TimeSpan Backfill = TimeSpan.FromDays(29);

    /// <summary>A week per read: a 29-day backfill takes five requests, within the API's five requests per ten seconds.</summary>
    public static readonly TimeSpan ChunkLength = TimeSpan.FromDays(7);

    /// <summary>Sign-ins reach the log a few minutes after they happen; the last minutes before the previous read are read again.</summary>
    public static readonly TimeSpan Lookback = TimeSpan.FromMinutes(15);

    public IReadOnlyCollection<TenantFeed> Feeds { get; } = [TenantFeed.SignIns];

    public Task ImportAsync(FeedImportContext context, CancellationToken cancellationToken)
    {
        var earliest = context.Now - Backfill;
        var from = context.Checkpoint.ReadUntil is { } until && until - Lookback > earliest ? until - Lookback : earliest;
        return ChunkedFeedRead.ImportAsync(
            context,
            from,
            ChunkLength,
            (start, end) => reader.ReadSignInsAsync(context.Tenant.ExternalTenantId, start, end, cancellationToken),
            signIns => [.. signIns.Select(s => ToActivity(s, context)).OfType<ActivityRecord>()],
            cancellationToken);
    }

    private ActivityRecord? ToActivity(SignInEvent signIn, FeedImportContext context) =>
        signIn.Succeeded && context.FindPerson(signIn.UserId, signIn.UserPrincipalName) is { } person
            ? new ActivityRecord(
                context.Tenant.Id,
                person,
                ActivityKind.SignIn,
                ActivitySource.EntraId,
                signIn.CreatedAt.ToUniversalTime(),
                CreditingRules.SignIn,
                signIn.AppDisplayName,
                0,
                false,
                signIn.Id)
            {
                Location = LocationOf(signIn.Place),
                ClientIp = signIn.IpAddress,
                CloudProvider = IPAddress.TryParse(signIn.IpAddress?.Trim(), out var address) ? cloudNetworks.ProviderOf(address) : null,
                SourcePersonId = context.LinkedIdentity(signIn.UserId, signIn.UserPrincipalName),
            }
            : null;

    /// <summary>Coordinates out of range or with one half missing are dropped; the place names are kept.</summary>
    private static ActivityLocation? LocationOf(SignInPlace? place)
    {
        if (place is null)
        {
            return null;
        }

        var hasCoordinates = place.Latitude is >= -90 and <= 90 && place.Longitude is >= -180 and <= 180;
        return new ActivityLocation(place.City, place.State, place.CountryOrRegion, hasCoordinates ? place.Latitude : null, hasCoordinates ? place.Longitude : null);
    }
}
