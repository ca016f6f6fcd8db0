namespace WorkSights.Domain.Scores;

public enum ScoreBand
{
    /// <summary>0–30: very light activity or a disconnected service.</summary>
    Red = 1,

    /// <summary>31–70: below target.</summary>
    Yellow = 2,

    /// <summary>71–100: target met.</summary>
    Green = 3,

    /// <summary>101–130: above target.</summary>
    Blue = 4,

    /// <summary>Above 130: sustained overload.</summary>
    Purple = 5,

    /// <summary>Work on a non-work day: shown, never a missed day.</summary>
    NonWorkDay = 6,
}
