using WorkSights.Domain.Activities;
using WorkSights.Domain.Scores;

namespace WorkSights.Application.Reporting.GetActivityDetail;

/// <param name="Result">The stored result of the day, or null while it has not been computed.</param>
/// <param name="CanCorrect">The viewer may correct this person's items (themselves, or anyone they see unless a Member).</param>
public sealed record ActivityDetailDto(
    Guid PersonId,
    string Name,
    string? Team,
    string? JobTitle,
    DateOnly Date,
    string TimeZoneId,
    bool SeesScores,
    bool CanCorrect,
    DayResultDto? Result,
    DayTimeline Timeline,
    IReadOnlyList<ActivityItemDto> Items,
    IReadOnlyList<CorrectionDto> Corrections);

/// <param name="Score">Null on a non-work day, or when the viewer may not see scores.</param>
/// <param name="Band">Null when the viewer may not see scores.</param>
public sealed record DayResultDto(
    int? Score,
    ScoreBand? Band,
    bool IsWorkDay,
    bool IsHoliday,
    TimeSpan Credited,
    TimeSpan DailyTarget,
    TimeSpan AfterHours,
    string Summary,
    string ModelVersion);

/// <param name="Credited">The item's credited time inside this day, before overlaps are removed; zero when unscored.</param>
/// <param name="Length">The credit the item carries (its estimate, or a person's correction).</param>
/// <param name="CloudProvider">The cloud provider whose datacenter the item came from; its city is then not where the person was.</param>
public sealed record ActivityItemDto(
    Guid Id,
    ActivityKind Kind,
    ActivitySource Source,
    DateTimeOffset OccurredAt,
    TimeSpan Length,
    TimeSpan Credited,
    string? Title,
    int CounterpartCount,
    bool IsExternal,
    string? City,
    string? Country,
    string? CloudProvider,
    UnscoredReason Unscored,
    bool IsCorrected,
    bool CanCorrect,
    TimeSpan MaximumCorrection)
{
    public ActivityCategory Category => Activity.CategoryOf(Kind);

    public bool IsScored => Unscored == UnscoredReason.None;
}

public sealed record CorrectionDto(Guid ActivityId, string CorrectedBy, DateTimeOffset CorrectedAt, TimeSpan Previous, TimeSpan Corrected);
