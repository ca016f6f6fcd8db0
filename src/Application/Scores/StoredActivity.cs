using WorkSights.Domain.Activities;
using WorkSights.Domain.Scores;

namespace WorkSights.Application.Scores;

/// <summary>The columns of a stored activity that a person-day's results are made from, read without the entity.</summary>
public sealed record StoredActivity(
    Guid Id,
    Guid PersonId,
    ActivityKind Kind,
    DateTimeOffset OccurredAt,
    TimeSpan CreditedDuration,
    bool IsScored,
    bool IsExternal,
    bool IsCorrected,
    string? City,
    string? CountryOrRegion,
    double? Latitude,
    double? Longitude,
    bool FromCloudNetwork)
{
    /// <summary>
    /// The longest an item can reach past its start on the engine's timeline (an item recorded over the maximum comes
    /// back just over it): items starting this long before a day may still touch it.
    /// </summary>
    public static readonly TimeSpan LongestReach = Activity.MaximumCreditedDuration + TimeSpan.FromMinutes(1);

    public ScoringActivity ToScoring() => ScoringActivity.FromStored(Id, Kind, OccurredAt, CreditedDuration, IsScored, IsExternal, IsCorrected);

    /// <summary>A place the map may show: a named city with coordinates, and not a cloud provider's datacenter.</summary>
    public bool HasCityLevelPlace => City is not null && Latitude is not null && Longitude is not null && !FromCloudNetwork;
}
