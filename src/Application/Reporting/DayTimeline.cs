using WorkSights.Domain.Activities;

namespace WorkSights.Application.Reporting;

/// <summary>
/// One person's local day as the activity bar draws it: midnight to midnight in their zone (23 or 25 hours on change
/// days), the schedule's hours, and the items clipped to the day.
/// </summary>
public sealed record DayTimeline(
    DateOnly Date,
    string TimeZoneId,
    DateTimeOffset DayStart,
    DateTimeOffset DayEnd,
    DateTimeOffset? WorkStart,
    DateTimeOffset? WorkEnd,
    IReadOnlyList<TimelineItem> Items)
{
    public TimeSpan Length => DayEnd - DayStart;
}

/// <summary>An item on the bar: where it starts and ends inside the day (equal for an item credited with no time).</summary>
public sealed record TimelineItem(ActivityKind Kind, DateTimeOffset Start, DateTimeOffset End, bool IsScored)
{
    public ActivityCategory Category => Activity.CategoryOf(Kind);

    /// <summary>The item's credited span clipped to the day, or null when it lies outside it.</summary>
    public static TimelineItem? Within(ActivityKind kind, DateTimeOffset occurredAt, TimeSpan credited, bool isScored, DateTimeOffset dayStart, DateTimeOffset dayEnd)
    {
        var start = occurredAt < dayStart ? dayStart : occurredAt;
        var end = occurredAt + credited > dayEnd ? dayEnd : occurredAt + credited;
        return occurredAt >= dayEnd || (end <= dayStart && occurredAt < dayStart) ? null : new TimelineItem(kind, start, end < start ? start : end, isScored);
    }
}
