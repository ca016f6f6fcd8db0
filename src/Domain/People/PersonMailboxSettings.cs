using WorkSights.Domain.Common;

namespace WorkSights.Domain.People;

/// <summary>
/// What a person's mailbox settings said about their working time when last read: the mailbox's time zone and Outlook's
/// working hours, with zones already as IANA ids (null when the mailbox named none WorkSights knows). Initial values
/// only: an edit made in WorkSights wins over them.
/// </summary>
public sealed class PersonMailboxSettings : ITenantOwned
{
    public const int ZoneIdMaxLength = 64;

    private PersonMailboxSettings()
    {
    }

    public Guid PersonId { get; private set; }

    public Guid TenantId { get; private set; }

    /// <summary>IANA id of the mailbox's time zone.</summary>
    public string? TimeZoneId { get; private set; }

    /// <summary>Outlook's work days, one bit per <see cref="DayOfWeek"/> (bit 0 Sunday … bit 6 Saturday); 0 when none are set.</summary>
    public int WorkDayBits { get; private set; }

    public TimeOnly? WorkStart { get; private set; }

    public TimeOnly? WorkEnd { get; private set; }

    /// <summary>IANA id of the zone the working hours are in (Outlook allows one other than the mailbox's).</summary>
    public string? WorkingHoursTimeZoneId { get; private set; }

    public DateTimeOffset ImportedAt { get; private set; }

    public IReadOnlySet<DayOfWeek> WorkDays => Enum.GetValues<DayOfWeek>().Where(d => (WorkDayBits & (1 << (int)d)) != 0).ToHashSet();

    public static PersonMailboxSettings Import(Guid tenantId, Guid personId, MailboxWorkTime workTime, DateTimeOffset now)
    {
        var settings = new PersonMailboxSettings { TenantId = tenantId, PersonId = personId };
        settings.Refresh(workTime, now);
        return settings;
    }

    /// <summary>Takes what the mailbox says now; true when anything differs from what was stored.</summary>
    public bool Refresh(MailboxWorkTime workTime, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(workTime);
        var bits = workTime.WorkDays.Aggregate(0, (all, day) => all | (1 << (int)day));
        var changed = TimeZoneId != workTime.TimeZoneId || WorkDayBits != bits || WorkStart != workTime.Start || WorkEnd != workTime.End
            || WorkingHoursTimeZoneId != workTime.WorkingHoursTimeZoneId;
        TimeZoneId = Guard.Optional(workTime.TimeZoneId, "Time zone", ZoneIdMaxLength);
        WorkDayBits = bits;
        WorkStart = workTime.Start;
        WorkEnd = workTime.End;
        WorkingHoursTimeZoneId = Guard.Optional(workTime.WorkingHoursTimeZoneId, "Working hours' time zone", ZoneIdMaxLength);
        ImportedAt = Guard.Utc(now, "Import time");
        return changed;
    }
}

/// <summary>A mailbox's time zone and working hours, zones as IANA ids.</summary>
public sealed record MailboxWorkTime(string? TimeZoneId, IReadOnlySet<DayOfWeek> WorkDays, TimeOnly? Start, TimeOnly? End, string? WorkingHoursTimeZoneId);
