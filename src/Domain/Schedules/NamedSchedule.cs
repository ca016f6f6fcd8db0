using WorkSights.Domain.Common;

namespace WorkSights.Domain.Schedules;

/// <summary>A workspace-wide schedule people can be put on (e.g. "Early shift"); a regular day keeps the workspace's hours.</summary>
public sealed class NamedSchedule : ITenantOwned
{
    public const int MaximumNameLength = 80;

    private NamedSchedule()
    {
        Name = Pattern = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public string Name { get; private set; }

    /// <summary>The stored form of <see cref="Week"/>.</summary>
    public string Pattern { get; private set; }

    public WeekPlan Week => WeekPlan.Parse(Pattern);

    public DateTimeOffset ChangedAt { get; private set; }

    public static NamedSchedule Create(Guid tenantId, string name, WeekPlan week, DateTimeOffset now)
    {
        var schedule = new NamedSchedule { Id = Guid.NewGuid(), TenantId = tenantId };
        schedule.Change(name, week, now);
        return schedule;
    }

    public void Change(string name, WeekPlan week, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(week);
        if (week.MondayToSunday.All(day => day.Kind == DayPlanKind.Off))
        {
            throw new DomainRuleViolationException("A schedule people work on needs at least one day that is not off.");
        }

        Name = Guard.Required(name, "Schedule name", MaximumNameLength);
        Pattern = week.ToString();
        ChangedAt = now.ToUniversalTime();
    }
}
