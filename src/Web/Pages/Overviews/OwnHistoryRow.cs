using System.Globalization;
using WorkSights.Application.Reporting.GetMyOverview;
using WorkSights.Web.Pages.Shared.Reporting;

namespace WorkSights.Web.Pages.Overviews;

/// <summary>One line of My Overview's comparison with the person's own history, in the words the page shows.</summary>
public sealed record OwnHistoryRow(string Measure, string ThisPeriod, string PeriodBefore, string Change)
{
    public static IReadOnlyList<OwnHistoryRow> RowsOf(PeriodFigures now, PeriodFigures before)
    {
        ArgumentNullException.ThrowIfNull(now);
        ArgumentNullException.ThrowIfNull(before);
        var rows = new List<OwnHistoryRow>();
        if (now.AverageScore is { } score && before.AverageScore is { } earlier)
        {
            rows.Add(new("Average score", Number(score), Number(earlier), ChangeOf(score - earlier, Number)));
        }

        rows.Add(Time("Credited per work day", now.CreditedPerWorkDay, before.CreditedPerWorkDay));
        rows.Add(Time("After hours per work day", now.AfterHoursPerWorkDay, before.AfterHoursPerWorkDay));
        rows.Add(new(
            "Meetings, share of credited time",
            $"{Number(now.MeetingSharePercent)} %",
            $"{Number(before.MeetingSharePercent)} %",
            ChangeOf(now.MeetingSharePercent - before.MeetingSharePercent, points => $"{Number(points)} {(points == 1 ? "point" : "points")}")));
        rows.Add(new("Work days computed", Number(now.WorkDays), Number(before.WorkDays), string.Empty));
        return rows;
    }

    private static OwnHistoryRow Time(string measure, TimeSpan now, TimeSpan before) => new(
        measure,
        ReportLabels.Duration(now),
        ReportLabels.Duration(before),
        ChangeOf((int)(now - before).TotalMinutes, minutes => ReportLabels.Duration(TimeSpan.FromMinutes(minutes))));

    private static string ChangeOf(int difference, Func<int, string> amount) => difference switch
    {
        0 => "the same",
        > 0 => $"up {amount(difference)}",
        _ => $"down {amount(-difference)}",
    };

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
