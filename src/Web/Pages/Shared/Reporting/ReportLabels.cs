using WorkSights.Domain.Activities;
using WorkSights.Domain.Scores;

namespace WorkSights.Web.Pages.Shared.Reporting;

/// <summary>The words and CSS classes every reporting page uses for categories, services and bands (UI.md's colour language).</summary>
public static class ReportLabels
{
    public static string Of(ActivityCategory category) => category switch
    {
        ActivityCategory.Email => "Email",
        ActivityCategory.Meeting => "Meetings",
        ActivityCategory.Call => "Calls",
        ActivityCategory.Chat => "Chat",
        ActivityCategory.File => "Files",
        ActivityCategory.Login => "Sign-ins",
        _ => "Calendar blocks",
    };

    public static string Of(ActivitySource source) => source switch
    {
        ActivitySource.Outlook => "Outlook mail",
        ActivitySource.OutlookCalendar => "Outlook calendar",
        ActivitySource.Teams => "Teams",
        ActivitySource.SharePoint => "SharePoint",
        ActivitySource.OneDrive => "OneDrive",
        ActivitySource.EntraId => "Microsoft sign-ins",
        _ => "Exchange mailbox access",
    };

    public static string Of(ScoreBand band) => band switch
    {
        ScoreBand.Red => "Very light",
        ScoreBand.Yellow => "Below target",
        ScoreBand.Green => "On target",
        ScoreBand.Blue => "Above target",
        ScoreBand.Purple => "Overload",
        _ => "Non-work day",
    };

    /// <summary>The CSS class of a category's colour: <c>cat-email</c>, <c>cat-meeting</c>, …</summary>
    public static string CssOf(ActivityCategory category) => "cat-" + category.ToString().ToLowerInvariant();

    /// <summary>The CSS class of a band's colour: <c>band-red</c>, …, <c>band-nonworkday</c>.</summary>
    public static string CssOf(ScoreBand band) => "band-" + band.ToString().ToLowerInvariant();

    /// <summary>"6 h 24 m", "45 m", "0 m".</summary>
    public static string Duration(TimeSpan duration)
    {
        var minutes = (int)Math.Round(duration.TotalMinutes, MidpointRounding.AwayFromZero);
        return minutes >= 60 ? $"{minutes / 60} h {minutes % 60:D2} m" : $"{minutes} m";
    }
}
