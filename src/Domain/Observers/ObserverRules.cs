using System.Globalization;
using WorkSights.Domain.Scores;

namespace WorkSights.Domain.Observers;

/// <summary>
/// The observers: plain rules over one person's days, each finding naming its rule, its days and its numbers. Streaks
/// count work days only; a non-work day between two work days neither breaks nor extends a streak.
/// </summary>
public static class ObserverRules
{
    /// <summary>The days of the meeting-share rule: the seven days up to and including the day of evaluation.</summary>
    public const int MeetingShareWindowDays = 7;

    /// <summary>After-hours time must reach this in the latest week for a rise to count, so minutes rising to minutes do not.</summary>
    public static readonly TimeSpan AfterHoursFloor = TimeSpan.FromHours(1);

    /// <param name="days">One person's days, in any order; at most one per date.</param>
    /// <param name="asOf">The person's today: weeks ending after it are not complete yet.</param>
    /// <param name="scoresVisible">False where the viewer may not see scores: the rules on scores are then not evaluated.</param>
    public static IReadOnlyList<Finding> Evaluate(IEnumerable<ObservedDay> days, DateOnly asOf, ObserverThresholds thresholds, bool scoresVisible = true)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(thresholds);
        var ordered = days.Where(d => d.Date <= asOf).OrderBy(d => d.Date).ToList();
        var workDays = ordered.Where(d => d.IsScoredWorkDay).ToList();
        var findings = new List<Finding>();
        if (scoresVisible)
        {
            findings.AddRange(Streaks(workDays, d => d.Band == ScoreBand.Purple, thresholds.OverloadDays).Select(Overload));
            findings.AddRange(Streaks(workDays, d => d.Band == ScoreBand.Red, thresholds.VeryLightDays).Select(VeryLight));
        }

        var focus = TimeSpan.FromMinutes(thresholds.FocusMinutes);
        findings.AddRange(Streaks(workDays, d => d.LongestFocus < focus, thresholds.NoFocusDays).Select(run => NoFocus(run, focus)));
        findings.AddRange(AfterHoursRising(ordered, asOf, thresholds.AfterHoursWeeks));
        findings.AddRange(MeetingHeavy(ordered, asOf, thresholds.MeetingSharePercent));
        return findings.OrderByDescending(f => f.To).ThenBy(f => f.Rule).ToList();
    }

    private static IEnumerable<IReadOnlyList<ObservedDay>> Streaks(IReadOnlyList<ObservedDay> workDays, Func<ObservedDay, bool> matches, int length)
    {
        var run = new List<ObservedDay>();
        foreach (var day in workDays)
        {
            if (matches(day))
            {
                run.Add(day);
                continue;
            }

            if (run.Count >= length)
            {
                yield return run;
            }

            run = [];
        }

        if (run.Count >= length)
        {
            yield return run;
        }
    }

    private static Finding Overload(IReadOnlyList<ObservedDay> run) => Streak(
        ObserverRule.Overload,
        run,
        $"Overloaded (score above 130) {run.Count} work days in a row ({Range(run[0].Date, run[^1].Date)}: {Join(run.Select(d => Number(d.Score!.Value)))})");

    private static Finding VeryLight(IReadOnlyList<ObservedDay> run) => Streak(
        ObserverRule.VeryLight,
        run,
        $"Very light activity (score 30 or less) {run.Count} work days in a row ({Range(run[0].Date, run[^1].Date)}: {Join(run.Select(d => Number(d.Score!.Value)))}); " +
        "a person away or a service that stopped syncing looks like this");

    private static Finding NoFocus(IReadOnlyList<ObservedDay> run, TimeSpan focus) => Streak(
        ObserverRule.NoFocus,
        run,
        $"No meeting-free stretch of {Duration(focus)} or more {run.Count} work days in a row " +
        $"({Range(run[0].Date, run[^1].Date)}: longest {Join(run.Select(d => Duration(d.LongestFocus)))})");

    private static Finding Streak(ObserverRule rule, IReadOnlyList<ObservedDay> run, string explanation) =>
        new(rule, run[0].Date, run[^1].Date, run.Select(d => d.Date).ToList(), explanation);

    private static IEnumerable<Finding> AfterHoursRising(IReadOnlyList<ObservedDay> days, DateOnly asOf, int weeks)
    {
        var lastSunday = asOf.AddDays(-(((int)asOf.DayOfWeek + 7) % 7));
        var mondays = Enumerable.Range(0, weeks).Select(i => lastSunday.AddDays(-6 - (7 * (weeks - 1 - i)))).ToList();
        var totals = mondays
            .Select(monday => days.Where(d => d.Date >= monday && d.Date <= monday.AddDays(6)).ToList())
            .ToList();
        if (totals.Any(week => week.Count == 0))
        {
            yield break;
        }

        var hours = totals.Select(week => week.Aggregate(TimeSpan.Zero, (sum, d) => sum + d.AfterHours)).ToList();
        var rising = hours.Zip(hours.Skip(1)).All(pair => pair.Second > pair.First);
        if (!rising || hours[^1] < AfterHoursFloor)
        {
            yield break;
        }

        var covered = totals.SelectMany(week => week).Select(d => d.Date).ToList();
        yield return new Finding(
            ObserverRule.AfterHoursRising,
            mondays[0],
            lastSunday,
            covered,
            $"After-hours time rose {weeks} weeks in a row (weeks of {Join(mondays.Select(Day))}: {Join(hours.Select(Duration))})");
    }

    private static IEnumerable<Finding> MeetingHeavy(IReadOnlyList<ObservedDay> days, DateOnly asOf, int thresholdPercent)
    {
        var from = asOf.AddDays(1 - MeetingShareWindowDays);
        var window = days.Where(d => d.Date >= from && d.Credited > TimeSpan.Zero).ToList();
        var credited = window.Aggregate(TimeSpan.Zero, (sum, d) => sum + d.Credited);
        var meetings = window.Aggregate(TimeSpan.Zero, (sum, d) => sum + d.Meetings);
        if (credited <= TimeSpan.Zero)
        {
            yield break;
        }

        var share = meetings.Ticks * 100m / credited.Ticks;
        if (share <= thresholdPercent)
        {
            yield break;
        }

        var percent = (int)Math.Floor(share);
        yield return new Finding(
            ObserverRule.MeetingHeavy,
            window[0].Date,
            window[^1].Date,
            window.Select(d => d.Date).ToList(),
            $"Meetings took {Number(percent)} % of credited time over {window.Count} {(window.Count == 1 ? "day" : "days")} " +
            $"({Range(window[0].Date, window[^1].Date)}: {Duration(meetings)} of {Duration(credited)}; the threshold is {Number(thresholdPercent)} %)");
    }

    /// <summary>"1–4 Dec", "30 Nov–4 Dec", "29 Dec 2025–2 Jan 2026".</summary>
    public static string Range(DateOnly from, DateOnly to)
    {
        if (from == to)
        {
            return Day(from);
        }

        if (from.Year != to.Year)
        {
            return $"{from.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}–{to.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}";
        }

        return from.Month == to.Month
            ? $"{from.Day.ToString(CultureInfo.InvariantCulture)}–{Day(to)}"
            : $"{Day(from)}–{Day(to)}";
    }

    /// <summary>"1 h 05 m", "45 m".</summary>
    public static string Duration(TimeSpan duration)
    {
        var minutes = (int)Math.Round(duration.TotalMinutes, MidpointRounding.AwayFromZero);
        return minutes >= 60
            ? string.Create(CultureInfo.InvariantCulture, $"{minutes / 60} h {minutes % 60:D2} m")
            : string.Create(CultureInfo.InvariantCulture, $"{minutes} m");
    }

    private static string Day(DateOnly date) => date.ToString("d MMM", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Join(IEnumerable<string> values) => string.Join(", ", values);
}
