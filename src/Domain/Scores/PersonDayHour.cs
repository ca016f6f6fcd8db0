using WorkSights.Domain.Common;

namespace WorkSights.Domain.Scores;

/// <summary>Read model for heatmaps: how many items a person started in one clock hour (0–23, local time) of one local day.</summary>
public sealed class PersonDayHour : ITenantOwned
{
    private PersonDayHour()
    {
    }

    public Guid TenantId { get; private set; }

    public Guid PersonId { get; private set; }

    public DateOnly Date { get; private set; }

    /// <summary>The local clock hour; on a day the clocks go back, both 01:00 hours count under 1.</summary>
    public int Hour { get; private set; }

    public int ItemCount { get; private set; }

    public static PersonDayHour Of(Guid tenantId, Guid personId, DateOnly date, int hour, int itemCount)
    {
        if (hour is < 0 or > 23)
        {
            throw new DomainRuleViolationException("A clock hour is between 0 and 23.");
        }

        if (itemCount < 1)
        {
            throw new DomainRuleViolationException("Only hours with activity are kept.");
        }

        return new PersonDayHour { TenantId = tenantId, PersonId = personId, Date = date, Hour = hour, ItemCount = itemCount };
    }
}
