using Microsoft.EntityFrameworkCore;
using NodaTime;
using WorkSights.Domain.Scores;

namespace WorkSights.Application.Reporting;

public static class DailyAverages
{
    /// <summary>
    /// The daily averages of a viewer who sees everyone, without a filter: the workspace's group days hold them already
    /// (one row a date instead of one a person and date), computed from the same person-days the same way.
    /// </summary>
    public static async Task<IReadOnlyList<DailyAverage>> OfWorkspaceAsync(
        IQueryable<GroupDay> groupDays, LocalDate from, LocalDate to, bool seesScores, CancellationToken cancellationToken)
    {
        var first = from.ToDateOnly();
        var last = to.ToDateOnly();
        var rows = await groupDays.Where(g => g.Team == GroupDay.Workspace && g.Date >= first && g.Date <= last)
            .Select(g => new { g.Date, g.People, g.WorkDays, g.AverageScore, g.Credited })
            .ToDictionaryAsync(g => g.Date, cancellationToken);
        var averages = new List<DailyAverage>();
        for (var date = from; date <= to; date = date.PlusDays(1))
        {
            averages.Add(rows.TryGetValue(date.ToDateOnly(), out var day) && day.People > 0
                ? new DailyAverage(date, day.People, day.WorkDays, seesScores ? day.AverageScore : null, TimeSpan.FromTicks(day.Credited.Ticks / day.People))
                : new DailyAverage(date, 0, 0, null, TimeSpan.Zero));
        }

        return averages;
    }

    /// <summary>Every date from <paramref name="from"/> to <paramref name="to"/>, with or without rows, averaged over <paramref name="days"/>.</summary>
    public static async Task<IReadOnlyList<DailyAverage>> OfAsync(
        IQueryable<PersonDay> days, LocalDate from, LocalDate to, bool seesScores, CancellationToken cancellationToken)
    {
        var first = from.ToDateOnly();
        var last = to.ToDateOnly();
        var rows = await days.Where(d => d.Date >= first && d.Date <= last)
            .Select(d => new { d.Date, d.Score, d.Credited })
            .ToListAsync(cancellationToken);
        var byDate = rows.ToLookup(r => r.Date);
        var averages = new List<DailyAverage>();
        for (var date = from; date <= to; date = date.PlusDays(1))
        {
            var day = byDate[date.ToDateOnly()].ToList();
            var scores = day.Where(d => d.Score is not null).Select(d => d.Score!.Value).ToList();
            var average = scores.Count == 0 || !seesScores
                ? (int?)null
                : (int)Math.Round((decimal)scores.Sum() / scores.Count, MidpointRounding.AwayFromZero);
            var credited = day.Count == 0 ? TimeSpan.Zero : TimeSpan.FromTicks(day.Sum(d => d.Credited.Ticks) / day.Count);
            averages.Add(new DailyAverage(date, day.Count, scores.Count, average, credited));
        }

        return averages;
    }
}
