using WorkSights.Domain.Common;

namespace WorkSights.Domain.Observers;

/// <summary>A workspace's own observer thresholds, with who set them last; a workspace without a row uses <see cref="ObserverThresholds.Default"/>.</summary>
public sealed class ObserverSettings : ITenantOwned
{
    private ObserverSettings()
    {
    }

    public Guid TenantId { get; private set; }

    public int OverloadDays { get; private set; }

    public int VeryLightDays { get; private set; }

    public int AfterHoursWeeks { get; private set; }

    public int MeetingSharePercent { get; private set; }

    public int FocusMinutes { get; private set; }

    public int NoFocusDays { get; private set; }

    public Guid ChangedBy { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public ObserverThresholds Thresholds => new(OverloadDays, VeryLightDays, AfterHoursWeeks, MeetingSharePercent, FocusMinutes, NoFocusDays);

    public static ObserverSettings For(Guid tenantId, ObserverThresholds thresholds, Guid changedBy, DateTimeOffset now)
    {
        var settings = new ObserverSettings { TenantId = tenantId };
        settings.Change(thresholds, changedBy, now);
        return settings;
    }

    public void Change(ObserverThresholds thresholds, Guid changedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        OverloadDays = thresholds.OverloadDays;
        VeryLightDays = thresholds.VeryLightDays;
        AfterHoursWeeks = thresholds.AfterHoursWeeks;
        MeetingSharePercent = thresholds.MeetingSharePercent;
        FocusMinutes = thresholds.FocusMinutes;
        NoFocusDays = thresholds.NoFocusDays;
        ChangedBy = changedBy;
        ChangedAt = now.ToUniversalTime();
    }
}
