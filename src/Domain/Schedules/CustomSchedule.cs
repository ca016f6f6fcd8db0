using WorkSights.Domain.Common;

namespace WorkSights.Domain.Schedules;

/// <summary>
/// A person's schedule for a range of dates (a vacation, a temporary change): each weekday keeps the person's regular
/// hours, has hours of its own, or is off. It wins over every other schedule on its dates.
/// </summary>
public sealed class CustomSchedule : ITenantOwned
{
    public const int MaximumDays = 366;
    public const int MaximumLabelLength = 80;

    private CustomSchedule()
    {
        Label = Pattern = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid PersonId { get; private set; }

    /// <summary>What the person or their admin calls it ("Vacation", "Part-time in March").</summary>
    public string Label { get; private set; }

    public DateOnly From { get; private set; }

    /// <summary>The last date it applies to.</summary>
    public DateOnly To { get; private set; }

    /// <summary>The stored form of <see cref="Week"/>.</summary>
    public string Pattern { get; private set; }

    public WeekPlan Week => WeekPlan.Parse(Pattern);

    public DateTimeOffset ChangedAt { get; private set; }

    public bool Covers(DateOnly date) => date >= From && date <= To;

    public bool Overlaps(DateOnly from, DateOnly to) => from <= To && to >= From;

    public static CustomSchedule Create(Guid tenantId, Guid personId, string label, DateOnly from, DateOnly to, WeekPlan week, DateTimeOffset now)
    {
        if (personId == Guid.Empty)
        {
            throw new DomainRuleViolationException("A custom schedule belongs to a person.");
        }

        var schedule = new CustomSchedule { Id = Guid.NewGuid(), TenantId = tenantId, PersonId = personId };
        schedule.Change(label, from, to, week, now);
        return schedule;
    }

    public void Change(string label, DateOnly from, DateOnly to, WeekPlan week, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(week);
        if (to < from)
        {
            throw new DomainRuleViolationException("A custom schedule ends on or after the day it starts.");
        }

        if (to.DayNumber - from.DayNumber + 1 > MaximumDays)
        {
            throw new DomainRuleViolationException($"A custom schedule covers at most {MaximumDays} days.");
        }

        Label = Guard.Required(label, "Label", MaximumLabelLength);
        From = from;
        To = to;
        Pattern = week.ToString();
        ChangedAt = now.ToUniversalTime();
    }
}
