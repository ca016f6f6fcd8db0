using WorkSights.Domain.People;

namespace WorkSights.Domain.Notifications;

/// <summary>What WorkSights may point a person to on their Notifications page and beside the menu's link to it.</summary>
public enum NotificationTopic
{
    /// <summary>What the observers noticed in the person's own recent days.</summary>
    MyFindings = 1,

    /// <summary>What the observers noticed among everyone (Executive Overview's findings).</summary>
    TeamFindings = 2,

    /// <summary>Someone else corrected the duration of one of the person's items.</summary>
    CorrectionsOfMyDay = 3,

    /// <summary>Identities waiting in User Provisioning.</summary>
    PeopleToReview = 4,

    /// <summary>A connection to Microsoft that needs an administrator: consent revoked, a service disconnected or failing.</summary>
    ConnectionProblems = 5,

    /// <summary>People who asked to be erased.</summary>
    ErasureRequests = 6,
}

/// <summary>Which topics reach which role: a topic about data the role may not see is never offered.</summary>
public static class NotificationTopics
{
    public static IReadOnlyList<NotificationTopic> For(PersonRole role) => role switch
    {
        PersonRole.Owner => [NotificationTopic.MyFindings, NotificationTopic.TeamFindings, NotificationTopic.CorrectionsOfMyDay, NotificationTopic.PeopleToReview, NotificationTopic.ConnectionProblems, NotificationTopic.ErasureRequests],
        PersonRole.TechnicalAdmin => [NotificationTopic.PeopleToReview, NotificationTopic.ConnectionProblems],
        PersonRole.Executive => [NotificationTopic.MyFindings, NotificationTopic.TeamFindings, NotificationTopic.CorrectionsOfMyDay],
        _ => [NotificationTopic.MyFindings, NotificationTopic.CorrectionsOfMyDay],
    };
}
