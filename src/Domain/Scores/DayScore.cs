namespace WorkSights.Domain.Scores;

/// <summary>What the score engine made of one person's local day.</summary>
public sealed record DayScore
{
    public required DateOnly LocalDate { get; init; }

    /// <summary>The crediting table's version (see <see cref="CreditingTable.ModelVersion"/>).</summary>
    public required string ModelVersion { get; init; }

    /// <summary>23, 24 or 25 hours, from local midnight to local midnight.</summary>
    public required TimeSpan DayLength { get; init; }

    public required bool IsWorkDay { get; init; }

    public required bool IsHoliday { get; init; }

    /// <summary>Scheduled hours × target %; zero on a non-work day.</summary>
    public required TimeSpan DailyTarget { get; init; }

    /// <summary>The union of the scored items' credited spans inside the day: overlaps count once.</summary>
    public required TimeSpan Credited { get; init; }

    /// <summary>Credited ÷ target × 100 rounded half away from zero; null on a non-work day, which is never a missed day.</summary>
    public required int? Score { get; init; }

    public required ScoreBand Band { get; init; }

    /// <summary>Credited time outside the schedule's hours; all of it on a non-work day.</summary>
    public required TimeSpan AfterHours { get; init; }

    /// <summary>Every component, in <see cref="ScoreComponent"/> order; their times add up to <see cref="Credited"/>.</summary>
    public required IReadOnlyList<ComponentTotal> Components { get; init; }

    /// <summary>Where the first credited span starts, or null on a day without credited time.</summary>
    public required DateTimeOffset? FirstActivity { get; init; }

    /// <summary>Where the last credited span ends, or null on a day without credited time.</summary>
    public required DateTimeOffset? LastActivity { get; init; }

    /// <summary>The longest part of the work hours without a meeting or call (the earliest of equals); null on a non-work day.</summary>
    public required TimeInterval? LongestMeetingFreeStretch { get; init; }

    /// <summary>Every input item touching the day, ordered by start, kind, length and id.</summary>
    public required IReadOnlyList<CreditedItem> Items { get; init; }

    public ComponentTotal this[ScoreComponent component] => Components[(int)component];
}
