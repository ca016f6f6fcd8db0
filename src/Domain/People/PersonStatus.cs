namespace WorkSights.Domain.People;

public enum PersonStatus
{
    Active = 1,
    Inactive = 2,

    /// <summary>Gone from the source directory; kept until the retention period or an explicit delete.</summary>
    Removed = 3,
}
