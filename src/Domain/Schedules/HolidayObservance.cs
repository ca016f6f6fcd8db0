using WorkSights.Domain.Common;

namespace WorkSights.Domain.Schedules;

/// <summary>
/// The regions (ISO 3166-1 countries) whose public holidays a workspace observes, and the region of people who have none
/// of their own. A workspace without a row observes its company country's holidays.
/// </summary>
public sealed class HolidayObservance : ITenantOwned
{
    private HolidayObservance()
    {
        Regions = string.Empty;
    }

    public Guid TenantId { get; private set; }

    /// <summary>The observed regions, comma-separated; empty when the workspace observes no holidays.</summary>
    public string Regions { get; private set; }

    public string? DefaultRegion { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public IReadOnlySet<string> ObservedRegions => Regions.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    public static HolidayObservance For(Guid tenantId) => new() { TenantId = tenantId };

    public void Change(IEnumerable<string> observedRegions, string? defaultRegion, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(observedRegions);
        var regions = observedRegions.Select(r => Guard.Required(r, "Holiday region", 2).ToUpperInvariant()).Distinct().Order(StringComparer.Ordinal).ToList();
        var fallback = Guard.Optional(defaultRegion, "Default holiday region", 2)?.ToUpperInvariant();
        if (fallback is not null && !regions.Contains(fallback))
        {
            throw new DomainRuleViolationException("The default holiday region must be one of the observed regions.");
        }

        Regions = string.Join(',', regions);
        DefaultRegion = fallback;
        ChangedAt = now.ToUniversalTime();
    }

    /// <summary>What an audit entry shows.</summary>
    public override string ToString() => $"observed {(Regions.Length == 0 ? "none" : Regions)}, default {DefaultRegion ?? "none"}";
}
