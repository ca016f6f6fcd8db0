namespace WorkSights.Domain.Observers;

/// <summary>The patterns the observers look for in a person's days.</summary>
public enum ObserverRule
{
    /// <summary>Purple (score above 130) several work days in a row.</summary>
    Overload = 1,

    /// <summary>Red (score 30 or less) several work days in a row: disengaged, or a service not connected.</summary>
    VeryLight = 2,

    /// <summary>After-hours time higher each week than the week before, several weeks running.</summary>
    AfterHoursRising = 3,

    /// <summary>Meetings take more than a set share of the credited time over the last week.</summary>
    MeetingHeavy = 4,

    /// <summary>No meeting-free stretch of a set length on several work days in a row.</summary>
    NoFocus = 5,
}
