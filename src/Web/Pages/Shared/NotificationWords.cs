using WorkSights.Domain.Notifications;

namespace WorkSights.Web.Pages.Shared;

/// <summary>How each notification topic is named on Personal settings and said on the Notifications page, and where it leads.</summary>
public static class NotificationWords
{
    public static string Label(NotificationTopic topic) => topic switch
    {
        NotificationTopic.MyFindings => "Findings about my work",
        NotificationTopic.TeamFindings => "Findings about the people I oversee",
        NotificationTopic.CorrectionsOfMyDay => "Someone corrected one of my items",
        NotificationTopic.PeopleToReview => "People waiting in User Provisioning",
        NotificationTopic.ConnectionProblems => "Problems with the Microsoft connection",
        NotificationTopic.ErasureRequests => "Requests to be erased",
        _ => topic.ToString(),
    };

    public static string Hint(NotificationTopic topic) => topic switch
    {
        NotificationTopic.MyFindings => "Several heavy or light days in a row, after-hours time rising, many meetings, no time to focus.",
        NotificationTopic.TeamFindings => "The same observations about everyone, from Executive Overview.",
        NotificationTopic.CorrectionsOfMyDay => "A manager or admin changed the credited time of one of your items in the last 14 days.",
        NotificationTopic.PeopleToReview => "New identities from the directory that need a decision: import, link or block.",
        NotificationTopic.ConnectionProblems => "Consent revoked, the audit log switched off, or the last sync failed.",
        NotificationTopic.ErasureRequests => "People who asked for everything WorkSights holds about them to be erased.",
        _ => string.Empty,
    };

    public static string Sentence(NotificationTopic topic, int count) => topic switch
    {
        NotificationTopic.MyFindings => count == 1 ? "1 finding about your recent work." : $"{count} findings about your recent work.",
        NotificationTopic.TeamFindings => count == 1 ? "1 finding about someone you oversee." : $"{count} findings about people you oversee.",
        NotificationTopic.CorrectionsOfMyDay => count == 1 ? "Someone corrected 1 of your items in the last 14 days." : $"Others corrected {count} of your items in the last 14 days.",
        NotificationTopic.PeopleToReview => count == 1 ? "1 person is waiting in User Provisioning." : $"{count} people are waiting in User Provisioning.",
        NotificationTopic.ConnectionProblems => count == 1 ? "The Microsoft connection needs attention." : $"{count} problems with the Microsoft connection need attention.",
        NotificationTopic.ErasureRequests => count == 1 ? "1 person asked to be erased." : $"{count} people asked to be erased.",
        _ => string.Empty,
    };

    public static (string Text, string Href) Action(NotificationTopic topic) => topic switch
    {
        NotificationTopic.MyFindings => ("Open My Overview", "/Overviews/My#findings"),
        NotificationTopic.TeamFindings => ("Open Executive Overview", "/Overviews/Executive#findings"),
        NotificationTopic.CorrectionsOfMyDay => ("See your days", "/Overviews/My"),
        NotificationTopic.PeopleToReview => ("Review them", "/Settings/Users/Provisioning?state=New"),
        NotificationTopic.ConnectionProblems => ("Open Services", "/Settings/Services"),
        NotificationTopic.ErasureRequests => ("Open the requests", "/Settings/Account#erasure-requests-heading"),
        _ => ("Open", "/"),
    };
}
