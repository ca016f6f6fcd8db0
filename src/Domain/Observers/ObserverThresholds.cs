using WorkSights.Domain.Common;

namespace WorkSights.Domain.Observers;

/// <summary>The workspace's settings for the observers; <see cref="Default"/> until an Owner changes them.</summary>
public sealed record ObserverThresholds
{
    public const int MinimumDays = 2;
    public const int MaximumDays = 20;
    public const int MinimumWeeks = 2;
    public const int MaximumWeeks = 6;

    public static ObserverThresholds Default { get; } = new(3, 3, 3, 60, 60, 5);

    /// <exception cref="DomainRuleViolationException">A value is outside its allowed range.</exception>
    public ObserverThresholds(int overloadDays, int veryLightDays, int afterHoursWeeks, int meetingSharePercent, int focusMinutes, int noFocusDays)
    {
        OverloadDays = InRange(overloadDays, MinimumDays, MaximumDays, "Overload days in a row");
        VeryLightDays = InRange(veryLightDays, MinimumDays, MaximumDays, "Very light days in a row");
        AfterHoursWeeks = InRange(afterHoursWeeks, MinimumWeeks, MaximumWeeks, "Weeks of rising after-hours time");
        MeetingSharePercent = InRange(meetingSharePercent, 10, 100, "Meeting share");
        FocusMinutes = InRange(focusMinutes, 15, 240, "Focus stretch");
        NoFocusDays = InRange(noFocusDays, MinimumDays, MaximumDays, "Days without focus in a row");
    }

    /// <summary>Purple work days in a row that make a finding.</summary>
    public int OverloadDays { get; }

    /// <summary>Red work days in a row that make a finding.</summary>
    public int VeryLightDays { get; }

    /// <summary>Complete weeks, each with more after-hours time than the one before, that make a finding.</summary>
    public int AfterHoursWeeks { get; }

    /// <summary>Meetings above this share (%) of the last seven days' credited time make a finding.</summary>
    public int MeetingSharePercent { get; }

    /// <summary>The shortest meeting-free stretch inside work hours that counts as focus.</summary>
    public int FocusMinutes { get; }

    /// <summary>Work days in a row without a focus stretch that make a finding.</summary>
    public int NoFocusDays { get; }

    private static int InRange(int value, int minimum, int maximum, string name) =>
        value >= minimum && value <= maximum
            ? value
            : throw new DomainRuleViolationException($"{name} must be between {minimum} and {maximum}.");
}
