using WorkSights.Application.Reporting.GetMyOverview;
using WorkSights.Web.Pages.Overviews;

namespace WorkSights.Web.FunctionalTests.Reporting;

public sealed class OwnHistoryRowTests
{
    [Fact]
    public void EachMeasureSaysWhichWayItMovedAndByHowMuch()
    {
        var now = new PeriodFigures(9, 76, new TimeSpan(4, 53, 0), TimeSpan.FromMinutes(3), 78);
        var before = new PeriodFigures(10, 91, new TimeSpan(5, 48, 0), TimeSpan.FromMinutes(3), 77);

        var rows = OwnHistoryRow.RowsOf(now, before);

        Assert.Equal(
            [
                new OwnHistoryRow("Average score", "76", "91", "down 15"),
                new OwnHistoryRow("Credited per work day", "4 h 53 m", "5 h 48 m", "down 55 m"),
                new OwnHistoryRow("After hours per work day", "3 m", "3 m", "the same"),
                new OwnHistoryRow("Meetings, share of credited time", "78 %", "77 %", "up 1 point"),
                new OwnHistoryRow("Work days computed", "9", "10", string.Empty),
            ],
            rows);
    }

    [Fact]
    public void NoScoreLineForSomeoneWhoMayNotSeeScores()
    {
        var hidden = new PeriodFigures(3, null, TimeSpan.FromHours(8), TimeSpan.FromMinutes(90), 20);

        var rows = OwnHistoryRow.RowsOf(hidden, hidden with { CreditedPerWorkDay = TimeSpan.FromHours(6) });

        Assert.DoesNotContain(rows, r => r.Measure == "Average score");
        Assert.Equal("up 2 h 00 m", rows.Single(r => r.Measure == "Credited per work day").Change);
    }
}
