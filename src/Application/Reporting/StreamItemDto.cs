using NodaTime;
using WorkSights.Domain.Activities;

namespace WorkSights.Application.Reporting;

/// <summary>One line of the Activity Stream: who, when in their own time zone, what, for how long, where and from which service.</summary>
public sealed record StreamItemDto(
    Guid Id,
    Guid PersonId,
    string PersonName,
    DateTimeOffset OccurredAt,
    LocalDateTime LocalTime,
    string ZoneAbbreviation,
    ActivityKind Kind,
    ActivityCategory Category,
    TimeSpan CreditedDuration,
    string? City,
    string? CountryOrRegion,
    ActivitySource Source,
    bool IsExternal);
