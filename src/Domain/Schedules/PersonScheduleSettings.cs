using WorkSights.Domain.Common;

namespace WorkSights.Domain.Schedules;

/// <summary>
/// What an admin or the person set in WorkSights about their working time; each value left empty falls back to what
/// their mailbox settings say, then to the workspace's default.
/// </summary>
public sealed class PersonScheduleSettings : ITenantOwned
{
    public const int MinimumTargetPercent = 10;
    public const int MaximumTargetPercent = 150;

    private PersonScheduleSettings()
    {
    }

    public Guid PersonId { get; private set; }

    public Guid TenantId { get; private set; }

    /// <summary>The workspace schedule they work on; none means their imported or the workspace's hours.</summary>
    public Guid? NamedScheduleId { get; private set; }

    public int? TargetPercent { get; private set; }

    /// <summary>The ISO 3166-1 country whose public holidays they take, when the workspace observes it.</summary>
    public string? HolidayRegion { get; private set; }

    /// <summary>An IANA time zone id.</summary>
    public string? TimeZoneId { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public static PersonScheduleSettings For(Guid tenantId, Guid personId) =>
        personId == Guid.Empty
            ? throw new DomainRuleViolationException("Schedule settings belong to a person.")
            : new PersonScheduleSettings { TenantId = tenantId, PersonId = personId };

    public void Change(Guid? namedScheduleId, int? targetPercent, string? holidayRegion, string? timeZoneId, DateTimeOffset now)
    {
        if (targetPercent is < MinimumTargetPercent or > MaximumTargetPercent)
        {
            throw new DomainRuleViolationException($"A target must be between {MinimumTargetPercent} % and {MaximumTargetPercent} %.");
        }

        NamedScheduleId = namedScheduleId;
        TargetPercent = targetPercent;
        HolidayRegion = Guard.Optional(holidayRegion, "Holiday region", 2)?.ToUpperInvariant();
        TimeZoneId = Guard.Optional(timeZoneId, "Time zone", 64);
        ChangedAt = now.ToUniversalTime();
    }

    /// <summary>What an audit entry shows of these settings.</summary>
    public override string ToString() =>
        $"schedule {NamedScheduleId?.ToString() ?? "default"}, target {(TargetPercent is { } t ? $"{t} %" : "default")}, " +
        $"holidays {HolidayRegion ?? "default"}, time zone {TimeZoneId ?? "default"}";
}
