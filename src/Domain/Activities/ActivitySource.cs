namespace WorkSights.Domain.Activities;

/// <summary>The service an activity was read from.</summary>
public enum ActivitySource
{
    Outlook = 1,
    OutlookCalendar = 2,
    Teams = 3,
    SharePoint = 4,
    OneDrive = 5,
    EntraId = 6,
    Exchange = 7,
}
