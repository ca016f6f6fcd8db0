using WorkSights.Domain.Activities;
using WorkSights.Domain.Scores;

namespace WorkSights.Domain.UnitTests.Scores;

/// <summary>
/// The worked examples of docs/scoring.md, one for one. Unless an example says otherwise the person is in
/// Europe/London in winter (local time = UTC), works Monday–Friday 09:00–17:00 (8 h) at an 80 % target.
/// </summary>
internal static class ScoringExamples
{
    public static readonly DateOnly Monday = new(2026, 3, 2);

    public static readonly TimeSpan Winter = TimeSpan.Zero;

    /// <summary>A local time on a date, in a zone whose offset that day is <paramref name="offset"/>.</summary>
    public static DateTimeOffset At(DateOnly date, int hour, int minute = 0, TimeSpan? offset = null) =>
        new(date.ToDateTime(new TimeOnly(hour, minute)), offset ?? Winter);

    /// <summary>A day of 24 hours in a zone at a fixed offset, with the given schedule.</summary>
    public static ScoringDay Day(
        DateOnly date,
        (int Hour, int Minute)? workStart = null,
        (int Hour, int Minute)? workEnd = null,
        int targetPercent = 80,
        bool isHoliday = false,
        TimeSpan? offset = null,
        bool isWorkDay = true)
    {
        var start = At(date, 0, 0, offset);
        var from = workStart ?? (9, 0);
        var to = workEnd ?? (17, 0);
        var workFrom = At(date, from.Hour, from.Minute, offset);
        var workTo = At(date, to.Hour, to.Minute, offset);
        return isWorkDay
            ? new ScoringDay(date, start, start.AddDays(1), workFrom, workTo, isHoliday, targetPercent, workTo - workFrom)
            : new ScoringDay(date, start, start.AddDays(1), null, null, isHoliday, targetPercent, TimeSpan.Zero);
    }

    public static ScoringActivity Item(ActivityKind kind, DateTimeOffset start, TimeSpan duration, bool isExternal = false, bool isCorrected = false) =>
        new(Guid.Empty, kind, start, duration, isExternal, isCorrected);

    public static ScoringActivity Meeting(DateTimeOffset start, DateTimeOffset end, bool isExternal = false) =>
        Item(ActivityKind.Meeting, start, end - start, isExternal);

    public static ScoringActivity Call(DateTimeOffset start, TimeSpan length, bool isExternal = false) =>
        Item(ActivityKind.Call, start, length, isExternal);

    public static ScoringActivity Email(DateTimeOffset sentAt) =>
        Item(ActivityKind.EmailSent, sentAt, CreditingRules.SentEmail);

    public static ScoringActivity Block(DateTimeOffset start, DateTimeOffset end) =>
        Item(ActivityKind.CalendarBlock, start, end - start);

    public static TimeSpan Hm(int hours, int minutes = 0, int seconds = 0) => new(hours, minutes, seconds);
}
