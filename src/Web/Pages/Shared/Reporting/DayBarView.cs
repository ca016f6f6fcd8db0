using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using NodaTime;
using WorkSights.Application.Reporting;
using WorkSights.Domain.Activities;

namespace WorkSights.Web.Pages.Shared.Reporting;

/// <summary>
/// A person's local midnight-to-midnight for one <see cref="DayTimeline"/>, written where a page puts it
/// (<c>@(new DayBarView(timeline, name))</c>): an SVG one unit per real minute of the day (23 or 25 hours on change
/// days), so items, work hours and hour ticks line up by real time, items coloured by category, with a one-sentence
/// text alternative. SVG attributes, not inline styles, place them: the app's content security policy forbids inline
/// styles.
/// </summary>
/// <remarks>
/// It writes itself rather than being a partial view: a Dashboard page draws 25 bars of dozens of items each, and a
/// partial's buffer pages for every one of those writes were a fifth of the page's processor time under load.
/// </remarks>
public sealed class DayBarView : IHtmlContent
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

    /// <summary>The bar's width in SVG units: one unit per real minute of the day (1,380, 1,440 or 1,500).</summary>
    public string ViewWidth => Units(Timeline.Length.TotalMinutes);

    /// <summary>Where an instant lies on the bar, in real minutes since local midnight.</summary>
    public string X(DateTimeOffset at) => Units(Minutes(at));

    /// <summary>The width of a span in real minutes.</summary>
    public string Width(DateTimeOffset start, DateTimeOffset end) => Units(Minutes(end) - Minutes(start));

    /// <summary>The real hours of the day (23, 24 or 25; 24 for a zone with half-hour changes), for the axis's grid.</summary>
    public int RealHours => (int)Math.Round(Timeline.Length.TotalHours) is var hours and >= 23 and <= 25 ? hours : 24;

    /// <summary>Each real hour's local label, every sixth local hour ("00", "06", …), else empty.</summary>
    public IEnumerable<string> HourLabels() =>
        Enumerable.Range(0, RealHours).Select(i =>
        {
            var local = Instant.FromDateTimeOffset(Timeline.DayStart.AddHours(i)).InZone(Zone).TimeOfDay;
            return local.Minute == 0 && local.Hour % 6 == 0 ? local.Hour.ToString("00", CultureInfo.InvariantCulture) : string.Empty;
        });

    public string LocalTime(DateTimeOffset at) => Instant.FromDateTimeOffset(at).InZone(Zone).TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture);

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

    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(encoder);
        writer.Write("<div class=\"day-bar-wrap\"><svg class=\"day-bar\" role=\"img\" aria-label=\"");
        encoder.Encode(writer, Summary());
        writer.Write($"\" viewBox=\"0 0 {ViewWidth} 24\" preserveAspectRatio=\"none\" focusable=\"false\">");
        writer.Write($"<rect class=\"day-bar-ground\" x=\"0\" y=\"0\" width=\"{ViewWidth}\" height=\"24\" />");
        if (Timeline.WorkStart is { } workStart && Timeline.WorkEnd is { } workEnd)
        {
            writer.Write($"<rect class=\"day-bar-work\" x=\"{X(workStart)}\" y=\"0\" width=\"{Width(workStart, workEnd)}\" height=\"24\" />");
        }

        for (var hour = 1; hour < RealHours; hour++)
        {
            writer.Write($"<line class=\"day-bar-tick\" x1=\"{hour * 60}\" x2=\"{hour * 60}\" y1=\"0\" y2=\"24\" vector-effect=\"non-scaling-stroke\" />");
        }

        foreach (var item in Timeline.Items)
        {
            writer.Write($"<rect class=\"day-bar-item {ReportLabels.CssOf(item.Category)}{(item.IsScored ? "" : " unscored")}\" x=\"{X(item.Start)}\" y=\"4\" width=\"{Width(item.Start, item.End)}\" height=\"16\"><title>");
            encoder.Encode(writer, ItemTitle(item));
            writer.Write("</title></rect>");
        }

        writer.Write($"</svg><div class=\"day-bar-axis hours-{RealHours}\" aria-hidden=\"true\">");
        foreach (var label in HourLabels())
        {
            writer.Write($"<span>{label}</span>");
        }

        writer.Write("</div></div>");
    }

    private double Minutes(DateTimeOffset at) =>
        Math.Clamp((at - Timeline.DayStart).TotalMinutes, 0, Timeline.Length.TotalMinutes);

    private static string Units(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Every category in legend order, with its colour class.</summary>
    public static IEnumerable<(string Label, string Css)> Legend() =>
        Enum.GetValues<ActivityCategory>().Select(c => (ReportLabels.Of(c), ReportLabels.CssOf(c)));
}
