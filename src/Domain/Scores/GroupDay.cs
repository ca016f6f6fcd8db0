using WorkSights.Domain.Common;

namespace WorkSights.Domain.Scores;

/// <summary>
/// Read model: one team's (a directory department's) or the whole workspace's local day, aggregated from its people's
/// <see cref="PersonDay"/> rows. <see cref="Team"/> is <see cref="Workspace"/> for the whole workspace and
/// <see cref="NoTeam"/> for people without a department.
/// </summary>
public sealed class GroupDay : ITenantOwned
{
    public const string Workspace = "*";
    public const string NoTeam = "";

    private GroupDay()
    {
        Team = string.Empty;
        ItemsByHour = HourlyCounts.None;
    }

    public Guid TenantId { get; private set; }

    public string Team { get; private set; }

    public DateOnly Date { get; private set; }

    /// <summary>People with a result that day.</summary>
    public int People { get; private set; }

    /// <summary>People for whom the day was a work day; the average is over them.</summary>
    public int WorkDays { get; private set; }

    /// <summary>The mean of the work days' scores, rounded half away from zero; null without a work day.</summary>
    public int? AverageScore { get; private set; }

    public TimeSpan Credited { get; private set; }

    public TimeSpan AfterHours { get; private set; }

    public int Red { get; private set; }

    public int Yellow { get; private set; }

    public int Green { get; private set; }

    public int Blue { get; private set; }

    public int Purple { get; private set; }

    /// <summary>The group's items started in each local hour (each person's own local hours).</summary>
    public HourlyCounts ItemsByHour { get; private set; }

    public static GroupDay Of(Guid tenantId, string team, DateOnly date, IReadOnlyCollection<PersonDay> days)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(days);
        if (days.Any(d => d.Date != date || d.TenantId != tenantId))
        {
            throw new DomainRuleViolationException("A group's day is made of its own workspace's rows for that date.");
        }

        var scores = days.Where(d => d.Score is not null).Select(d => d.Score!.Value).ToList();
        return new GroupDay
        {
            TenantId = tenantId,
            Team = team.Length <= 200 ? team.Trim() : throw new DomainRuleViolationException("A team name is at most 200 characters."),
            Date = date,
            People = days.Count,
            WorkDays = scores.Count,
            AverageScore = scores.Count == 0 ? null : (int)Math.Round((decimal)scores.Sum() / scores.Count, MidpointRounding.AwayFromZero),
            Credited = days.Aggregate(TimeSpan.Zero, (sum, d) => sum + d.Credited),
            AfterHours = days.Aggregate(TimeSpan.Zero, (sum, d) => sum + d.AfterHours),
            Red = days.Count(d => d.Band == ScoreBand.Red),
            Yellow = days.Count(d => d.Band == ScoreBand.Yellow),
            Green = days.Count(d => d.Band == ScoreBand.Green),
            Blue = days.Count(d => d.Band == ScoreBand.Blue),
            Purple = days.Count(d => d.Band == ScoreBand.Purple),
            ItemsByHour = HourlyCounts.Sum(days.Select(d => d.ItemsByHour)),
        };
    }
}
