namespace WorkSights.Domain.Activities;

/// <summary>The category an activity is coloured and filtered by.</summary>
public enum ActivityCategory
{
    Email = 1,
    Meeting = 2,
    Call = 3,
    Chat = 4,
    File = 5,
    Login = 6,
    CalendarBlock = 7,
}
