using NodaTime;
using WorkSights.Application.Reporting;
using WorkSights.Domain.Activities;
using WorkSights.Web.Pages.Shared.Reporting;

namespace WorkSights.Web.FunctionalTests.Reporting;

/// <summary>The day bar places everything by real time, so change days are 23 or 25 hours wide.</summary>
public sealed class DayBarViewTests
{
    private static DayBarView London(int year, int month, int day, params TimelineItem[] items)
    {
        var zone = DateTimeZoneProviders.Tzdb["Europe/London"];
        var date = new LocalDate(year, month, day);
        var start = zone.AtStartOfDay(date).ToDateTimeOffset();
        var end = zone.AtStartOfDay(date.PlusDays(1)).ToDateTimeOffset();
        return new DayBarView(new DayTimeline(date.ToDateOnly(), zone.Id, start, end, null, null, items), "Ann");
    }

    [Fact]
    public void SpringForwardDayIsTwentyThreeHoursWideAndSkipsOneOClock()
    {
        // 29 March 2026: 01:00 GMT becomes 02:00 BST. Local 06:00 is five real hours after midnight.
        var bar = London(2026, 3, 29);

        Assert.Equal("1380", bar.ViewWidth);
        Assert.Equal(23, bar.RealHours);
        var labels = bar.HourLabels().ToList();
        Assert.Equal("00", labels[0]);
        Assert.Equal("06", labels[5]);
        Assert.Equal("12", labels[11]);
        Assert.Contains("a 23-hour day", bar.Summary(), StringComparison.Ordinal);
    }

    [Fact]
    public void FallBackDayIsTwentyFiveHoursWideAndAnItemSitsAtItsRealMinute()
    {
        // 25 October 2026: 02:00 BST becomes 01:00 GMT. 09:00 local is 10 real hours after midnight.
        var nine = new DateTimeOffset(2026, 10, 25, 9, 0, 0, TimeSpan.Zero);
        var bar = London(2026, 10, 25, new TimelineItem(ActivityKind.Meeting, nine, nine.AddHours(1), true));

        Assert.Equal("1500", bar.ViewWidth);
        Assert.Equal(25, bar.RealHours);
        Assert.Equal("600", bar.X(nine));
        Assert.Equal("60", bar.Width(nine, nine.AddHours(1)));
        Assert.Equal("Meeting 09:00–10:00", bar.ItemTitle(bar.Timeline.Items[0]));
        Assert.Equal("06", bar.HourLabels().ElementAt(7));
    }

    [Fact]
    public void WritesOneEncodedRectPerItemInsideAnSvgNamedByItsSummary()
    {
        var nine = new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);
        var bar = London(
            2026, 6, 1, new TimelineItem(ActivityKind.Meeting, nine, nine.AddHours(1), true), new TimelineItem(ActivityKind.CalendarBlock, nine.AddHours(2), nine.AddHours(3), false));
        using var html = new StringWriter();

        bar.WriteTo(html, System.Text.Encodings.Web.HtmlEncoder.Default);

        var markup = html.ToString();
        Assert.StartsWith("<div class=\"day-bar-wrap\"><svg class=\"day-bar\" role=\"img\" aria-label=\"Ann&#x27;s day, 1 June 2026 (Europe/London): 2 items", markup, StringComparison.Ordinal);
        Assert.Contains("<rect class=\"day-bar-item cat-meeting\" x=\"540\" y=\"4\" width=\"60\" height=\"16\"><title>Meeting 09:00&#x2013;10:00</title></rect>", markup, StringComparison.Ordinal);
        Assert.Contains("unscored\" x=\"660\"", markup, StringComparison.Ordinal);
        Assert.Equal(23, markup.Split("<line class=\"day-bar-tick\"").Length - 1);
        Assert.EndsWith("<span>18</span><span></span><span></span><span></span><span></span><span></span></div></div>", markup, StringComparison.Ordinal);
    }

    [Fact]
    public void ItemsAreClippedToTheDay()
    {
        var day = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

        var crossing = TimelineItem.Within(ActivityKind.Call, day.AddHours(-1), TimeSpan.FromHours(2), true, day, day.AddDays(1));
        var before = TimelineItem.Within(ActivityKind.Call, day.AddHours(-3), TimeSpan.FromHours(2), true, day, day.AddDays(1));
        var after = TimelineItem.Within(ActivityKind.Call, day.AddDays(1), TimeSpan.FromHours(2), true, day, day.AddDays(1));

        Assert.Equal((day, day.AddHours(1)), (crossing!.Start, crossing.End));
        Assert.Null(before);
        Assert.Null(after);
    }
}
