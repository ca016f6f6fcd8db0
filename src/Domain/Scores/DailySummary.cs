using System.Globalization;
using System.Text;

namespace WorkSights.Domain.Scores;

/// <summary>
/// One or two plain sentences describing a person's day, made from its result alone: deterministic, no network.
/// The stored sentence never holds the score, so a Member who may not see scores can be shown it as it is; a page that
/// may show the score adds it with <see cref="WithScore"/>.
/// </summary>
/// <example>"6 h 10 m credited: 3 internal meetings (2 h 30 m), 1 call (45 m), 22 emails; longest focus stretch 1 h 50 m
/// in the afternoon; 40 m after hours." and, with the score, "6 h 10 m credited (score 96): …".</example>
public static class DailySummary
{
    private const string Credited = " credited";

    /// <param name="result">The day's result.</param>
    /// <param name="localTimeOf">The person's local clock time of an instant (the focus stretch is placed by it).</param>
    public static string Describe(DayScore result, Func<DateTimeOffset, TimeOnly> localTimeOf)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(localTimeOf);
        if (result.Items.Count == 0)
        {
            return result switch
            {
                { IsHoliday: true } => "No activity on this holiday.",
                { IsWorkDay: false } => "No activity on this non-work day.",
                _ => "No activity recorded on this work day.",
            };
        }

        var text = new StringBuilder(Duration(result.Credited)).Append(Credited);
        if (!result.IsWorkDay)
        {
            text.Append(result.IsHoliday ? " on a holiday" : " on a non-work day");
        }

        var parts = ComponentParts(result).ToList();
        var unscored = result.Items.Count(item => item.Unscored != UnscoredReason.None);
        if (unscored > 0)
        {
            parts.Add($"{Count(unscored, "item")} not scored");
        }

        text.Append(": ").Append(string.Join(", ", parts));
        if (result.IsWorkDay && result.LongestMeetingFreeStretch is { Length.Ticks: > 0 } focus && Minutes(focus.Length) > 0)
        {
            text.Append("; longest focus stretch ").Append(Duration(focus.Length)).Append(' ').Append(PartOfDay(focus, localTimeOf));
        }

        if (result.IsWorkDay && Minutes(result.AfterHours) > 0)
        {
            text.Append("; ").Append(Duration(result.AfterHours)).Append(" after hours");
        }

        text.Append('.');
        return text.Length <= PersonDay.MaximumSummaryLength ? text.ToString() : text.ToString(0, PersonDay.MaximumSummaryLength - 1) + "…";
    }

    /// <summary>
    /// The stored sentence with the score after the credited time ("6 h 10 m credited (score 96): …"); unchanged when
    /// there is no score (a non-work day) or the sentence names no credited time.
    /// </summary>
    public static string WithScore(string summary, int? score)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var at = summary.IndexOf(Credited, StringComparison.Ordinal);
        return score is not { } value || at < 0
            ? summary
            : summary.Insert(at + Credited.Length, string.Create(CultureInfo.InvariantCulture, $" (score {value})"));
    }

    /// <summary>Whole minutes, rounded half up: "6 h 10 m", "2 h", "45 m", "0 m".</summary>
    public static string Duration(TimeSpan duration)
    {
        var minutes = Minutes(duration);
        var (hours, rest) = (minutes / 60, minutes % 60);
        return hours == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{rest} m")
            : rest == 0
                ? string.Create(CultureInfo.InvariantCulture, $"{hours} h")
                : string.Create(CultureInfo.InvariantCulture, $"{hours} h {rest} m");
    }

    private static long Minutes(TimeSpan duration) =>
        (long)Math.Round((decimal)Math.Max(duration.Ticks, 0) / TimeSpan.TicksPerMinute, MidpointRounding.AwayFromZero);

    /// <summary>Meetings and calls with their time; items credited a fixed time with their number only.</summary>
    private static IEnumerable<string> ComponentParts(DayScore result)
    {
        (ScoreComponent Component, string Noun, bool Timed)[] order =
        [
            (ScoreComponent.InternalMeetings, "internal meeting", true),
            (ScoreComponent.ExternalMeetings, "external meeting", true),
            (ScoreComponent.Calls, "call", true),
            (ScoreComponent.Email, "email", false),
            (ScoreComponent.Chat, "chat message", false),
            (ScoreComponent.Files, "file action", false),
            (ScoreComponent.Logins, "sign-in", false),
        ];
        foreach (var (component, noun, timed) in order)
        {
            var total = result[component];
            if (total.Count > 0)
            {
                yield return timed ? $"{Count(total.Count, noun)} ({Duration(total.Time)})" : Count(total.Count, noun);
            }
        }
    }

    private static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");

    /// <summary>By the local time of the stretch's middle: before noon the morning, before 18:00 the afternoon.</summary>
    private static string PartOfDay(TimeInterval stretch, Func<DateTimeOffset, TimeOnly> localTimeOf)
    {
        var middle = localTimeOf(stretch.Start + (stretch.Length / 2));
        return middle.Hour < 12 ? "in the morning" : middle.Hour < 18 ? "in the afternoon" : "in the evening";
    }
}
