using NodaTime;
using WorkSights.Domain.Activities;
using WorkSights.Domain.Ingestion;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Reporting.GetExecutiveOverview;

public sealed record ExecutiveOverviewDto(
    LocalDate From,
    LocalDate To,
    IReadOnlyList<FeedItem> Feed,
    IReadOnlyList<DailyAverage> Fortnight,
    IReadOnlyList<HeatmapCell> Heatmap,
    ServiceStatus? Service);

/// <param name="LocalTime">When it happened in the person's own time zone.</param>
/// <param name="City">Null where the source gave no place.</param>
public sealed record FeedItem(Guid PersonId, string Name, LocalDateTime LocalTime, string? City, ActivityKind Kind, TimeSpan Duration);

/// <summary>How many items started in one local clock hour of one weekday, summed over the fortnight.</summary>
public sealed record HeatmapCell(IsoDayOfWeek Weekday, int Hour, int Items);

public sealed record ServiceStatus(IdentityProvider Provider, ConnectionStatus Status, DateTimeOffset? LastSyncAt, IReadOnlyList<ServiceFeature> EnabledFeatures);
