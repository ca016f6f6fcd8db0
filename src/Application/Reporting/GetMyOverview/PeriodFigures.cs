namespace WorkSights.Application.Reporting.GetMyOverview;

/// <summary>A period's computed work days in a few figures, so that one period can be set beside the one before it.</summary>
/// <param name="WorkDays">The computed work days of the period.</param>
/// <param name="AverageScore">The mean score of those days; null when the viewer may not see scores.</param>
/// <param name="CreditedPerWorkDay">Credited time per work day, to the minute.</param>
/// <param name="AfterHoursPerWorkDay">Time outside the schedule's hours per work day, to the minute.</param>
/// <param name="MeetingSharePercent">Meetings (internal and external) as a share of the credited time, in whole percent.</param>
public sealed record PeriodFigures(int WorkDays, int? AverageScore, TimeSpan CreditedPerWorkDay, TimeSpan AfterHoursPerWorkDay, int MeetingSharePercent)
{
    /// <summary>The figures of <paramref name="days"/>' work days; null when none of them is a computed work day.</summary>
    public static PeriodFigures? Of(IEnumerable<DayFigures> days, bool seesScores)
    {
        var work = days.Where(d => d.IsWorkDay).ToList();
        if (work.Count == 0)
        {
            return null;
        }

        var credited = work.Sum(d => d.Credited.Ticks);
        var scores = work.Where(d => d.Score is not null).Select(d => d.Score!.Value).ToList();
        return new PeriodFigures(
            work.Count,
            seesScores && scores.Count > 0 ? (int)Math.Round((decimal)scores.Sum() / scores.Count, MidpointRounding.AwayFromZero) : null,
            PerDay(credited, work.Count),
            PerDay(work.Sum(d => d.AfterHours.Ticks), work.Count),
            credited == 0 ? 0 : (int)Math.Round(100m * work.Sum(d => d.Meetings.Ticks) / credited, MidpointRounding.AwayFromZero));
    }

    private static TimeSpan PerDay(long ticks, int days) =>
        TimeSpan.FromMinutes(Math.Round(TimeSpan.FromTicks(ticks / days).TotalMinutes, MidpointRounding.AwayFromZero));
}

/// <summary>What <see cref="PeriodFigures"/> reads of one computed day.</summary>
public sealed record DayFigures(bool IsWorkDay, TimeSpan Credited, TimeSpan AfterHours, TimeSpan Meetings, int? Score);
