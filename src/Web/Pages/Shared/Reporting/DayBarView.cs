using System.Globalization;
using NodaTime;
using WorkSights.Application.Reporting;
using WorkSights.Domain.Activities;

namespace WorkSights.Web.Pages.Shared.Reporting;

/// <summary>
/// What <c>_DayBar</c> draws for one <see cref="DayTimeline"/>: every position is a share of the real length of the
/// person's local day (23 or 25 hours on change days), so items, work hours and hour ticks line up by real time.
/// </summary>
public sealed class DayBarView
{
    public DayBarView(DayTimeline timeline, string personName)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        Timeline = timeline;
        PersonName = personName;
        Zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeline.TimeZoneId) ?? DateTimeZone.Utc;
    }

    public DayTimeline Timeline { get; }

    public string PersonName { get; }

    public DateTimeZone Zone { get; }

    /// <summary>Where an instant lies on the bar, in percent of the day (0–100), for CSS.</summary>
    public string Percent(DateTimeOffset at) => Css(Share(at) * 100);

    /// <summary>The width of a span, in percent of the day.</summary>
    public string Width(DateTimeOffset start, DateTimeOffset end) => Css((Share(end) - Share(start)) * 100);

    public string LocalTime(DateTimeOffset at) => Instant.FromDateTimeOffset(at).InZone(Zone).TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Every whole local hour of the day at its real instant; a skipped hour has no tick, a repeated one two.</summary>
    public IEnumerable<(DateTimeOffset At, int Hour)> HourTicks()
    {
        for (var at = Timeline.DayStart; at < Timeline.DayEnd; at = at.AddHours(1))
        {
            var local = Instant.FromDateTimeOffset(at).InZone(Zone).TimeOfDay;
            if (local.Minute == 0)
            {
                yield return (at, local.Hour);
            }
        }
    }

    public string ItemTitle(TimelineItem item) =>
        item.End > item.Start
            ? $"{ActivityLabels.Of(item.Kind)} {LocalTime(item.Start)}–{LocalTime(item.End)}{(item.IsScored ? "" : " (not scored)")}"
            : $"{ActivityLabels.Of(item.Kind)} {LocalTime(item.Start)}{(item.IsScored ? "" : " (not scored)")}";

    /// <summary>The day in one sentence, for screen readers: how many items of which categories, from when to when, and the work hours.</summary>
    public string Summary()
    {
        var date = LocalDate.FromDateOnly(Timeline.Date).ToString("d MMMM uuuu", CultureInfo.InvariantCulture);
        var hours = (int)Math.Round(Timeline.Length.TotalHours);
        var day = $"{PersonName}'s day, {date} ({Timeline.TimeZoneId}{(hours == 24 ? "" : $", a {hours}-hour day")})";
        var work = Timeline.WorkStart is { } ws && Timeline.WorkEnd is { } we ? $"work hours {LocalTime(ws)}–{LocalTime(we)}" : "no work hours";
        if (Timeline.Items.Count == 0)
        {
            return $"{day}: no activity; {work}.";
        }

        var categories = Timeline.Items.GroupBy(i => i.Category).OrderBy(g => g.Key)
            .Select(g => $"{g.Count()} {ReportLabels.Of(g.Key).ToLowerInvariant()}");
        var first = Timeline.Items.Min(i => i.Start);
        var last = Timeline.Items.Max(i => i.End);
        return $"{day}: {Timeline.Items.Count} items ({string.Join(", ", categories)}) from {LocalTime(first)} to {LocalTime(last)}; {work}.";
    }

    private double Share(DateTimeOffset at)
    {
        var length = Timeline.Length.Ticks;
        return length <= 0 ? 0 : Math.Clamp((double)(at - Timeline.DayStart).Ticks / length, 0, 1);
    }

    private static string Css(double percent) => percent.ToString("0.###", CultureInfo.InvariantCulture) + "%";

    /// <summary>Every category in legend order, with its colour class.</summary>
    public static IEnumerable<(string Label, string Css)> Legend() =>
        Enum.GetValues<ActivityCategory>().Select(c => (ReportLabels.Of(c), ReportLabels.CssOf(c)));
}
