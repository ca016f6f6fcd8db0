using WorkSights.Domain.Common;

namespace WorkSights.Domain.Scores;

/// <summary>
/// Read model: what the score engine made of one person's local day, one row per person and date, replaced whenever
/// the day is recomputed. Every reporting page reads these rows instead of raw activity.
/// </summary>
public sealed class PersonDay : ITenantOwned
{
    public const int MaximumSummaryLength = 600;

    private PersonDay()
    {
        TimeZoneId = string.Empty;
        ModelVersion = string.Empty;
        Summary = string.Empty;
        ItemsByHour = HourlyCounts.None;
    }

    public Guid TenantId { get; private set; }

    public Guid PersonId { get; private set; }

    public DateOnly Date { get; private set; }

    /// <summary>The IANA zone the day was computed in.</summary>
    public string TimeZoneId { get; private set; }

    public string ModelVersion { get; private set; }

    public DateTimeOffset DayStart { get; private set; }

    public DateTimeOffset DayEnd { get; private set; }

    public DateTimeOffset? WorkStart { get; private set; }

    public DateTimeOffset? WorkEnd { get; private set; }

    public bool IsWorkDay { get; private set; }

    public bool IsHoliday { get; private set; }

    public TimeSpan DailyTarget { get; private set; }

    public TimeSpan Credited { get; private set; }

    /// <summary>Null on a non-work day.</summary>
    public int? Score { get; private set; }

    public ScoreBand Band { get; private set; }

    public TimeSpan AfterHours { get; private set; }

    public TimeSpan ExternalMeetings { get; private set; }

    public int ExternalMeetingCount { get; private set; }

    public TimeSpan InternalMeetings { get; private set; }

    public int InternalMeetingCount { get; private set; }

    public TimeSpan Calls { get; private set; }

    public int CallCount { get; private set; }

    public TimeSpan Email { get; private set; }

    public int EmailCount { get; private set; }

    public TimeSpan Chat { get; private set; }

    public int ChatCount { get; private set; }

    public TimeSpan Files { get; private set; }

    public int FileCount { get; private set; }

    public TimeSpan Logins { get; private set; }

    public int LoginCount { get; private set; }

    /// <summary>Every item touching the day, scored or not.</summary>
    public int ItemCount { get; private set; }

    public DateTimeOffset? FirstActivity { get; private set; }

    public DateTimeOffset? LastActivity { get; private set; }

    public DateTimeOffset? FocusStart { get; private set; }

    public DateTimeOffset? FocusEnd { get; private set; }

    public TimeSpan LongestFocus => FocusStart is { } start && FocusEnd is { } end ? end - start : TimeSpan.Zero;

    /// <summary>One or two plain sentences describing the day.</summary>
    public string Summary { get; private set; }

    /// <summary>The items started in each local hour of the day, mailbox-access markers left out (for heatmaps).</summary>
    public HourlyCounts ItemsByHour { get; private set; }

    public static PersonDay From(Guid tenantId, Guid personId, string timeZoneId, ScoringDay day, DayScore result, string summary, HourlyCounts itemsByHour)
    {
        ArgumentNullException.ThrowIfNull(day);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(itemsByHour);
        if (tenantId == Guid.Empty || personId == Guid.Empty)
        {
            throw new DomainRuleViolationException("A person's day belongs to one person of one workspace.");
        }

        if (day.LocalDate != result.LocalDate)
        {
            throw new DomainRuleViolationException("A day's result is stored under its own date.");
        }

        return new PersonDay
        {
            TenantId = tenantId,
            PersonId = personId,
            Date = result.LocalDate,
            TimeZoneId = Guard.Required(timeZoneId, "Time zone", 64),
            ModelVersion = Guard.Required(result.ModelVersion, "Model version", 128),
            DayStart = day.Bounds.Start.ToUniversalTime(),
            DayEnd = day.Bounds.End.ToUniversalTime(),
            WorkStart = day.WorkHours?.Start.ToUniversalTime(),
            WorkEnd = day.WorkHours?.End.ToUniversalTime(),
            IsWorkDay = result.IsWorkDay,
            IsHoliday = result.IsHoliday,
            DailyTarget = result.DailyTarget,
            Credited = result.Credited,
            Score = result.Score,
            Band = result.Band,
            AfterHours = result.AfterHours,
            ExternalMeetings = result[ScoreComponent.ExternalMeetings].Time,
            ExternalMeetingCount = result[ScoreComponent.ExternalMeetings].Count,
            InternalMeetings = result[ScoreComponent.InternalMeetings].Time,
            InternalMeetingCount = result[ScoreComponent.InternalMeetings].Count,
            Calls = result[ScoreComponent.Calls].Time,
            CallCount = result[ScoreComponent.Calls].Count,
            Email = result[ScoreComponent.Email].Time,
            EmailCount = result[ScoreComponent.Email].Count,
            Chat = result[ScoreComponent.Chat].Time,
            ChatCount = result[ScoreComponent.Chat].Count,
            Files = result[ScoreComponent.Files].Time,
            FileCount = result[ScoreComponent.Files].Count,
            Logins = result[ScoreComponent.Logins].Time,
            LoginCount = result[ScoreComponent.Logins].Count,
            ItemCount = result.Items.Count,
            FirstActivity = result.FirstActivity?.ToUniversalTime(),
            LastActivity = result.LastActivity?.ToUniversalTime(),
            FocusStart = result.LongestMeetingFreeStretch is { Length.Ticks: > 0 } focus ? focus.Start.ToUniversalTime() : null,
            FocusEnd = result.LongestMeetingFreeStretch is { Length.Ticks: > 0 } stretch ? stretch.End.ToUniversalTime() : null,
            Summary = Guard.Required(summary, "Summary", MaximumSummaryLength),
            ItemsByHour = itemsByHour,
        };
    }
}
