namespace WorkSights.Application.Ingestion.Feeds.SignIns;

/// <summary>One sign-in to the organisation's directory, as the provider logged it.</summary>
/// <param name="ErrorCode">0 for a successful sign-in.</param>
public sealed record SignInEvent(
    string Id,
    DateTimeOffset CreatedAt,
    string? UserId,
    string? UserPrincipalName,
    string? AppDisplayName,
    string? IpAddress,
    int ErrorCode,
    SignInPlace? Place)
{
    public bool Succeeded => ErrorCode == 0;
}

/// <summary>Where the provider located the sign-in's network, at city level.</summary>
public sealed record SignInPlace(string? City, string? State, string? CountryOrRegion, double? Latitude, double? Longitude);
