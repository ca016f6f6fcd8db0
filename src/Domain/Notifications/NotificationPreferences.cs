using WorkSights.Domain.Common;
using WorkSights.Domain.People;

namespace WorkSights.Domain.Notifications;

/// <summary>The topics a person turned off; every topic their role offers is on until they do.</summary>
public sealed class NotificationPreferences : ITenantOwned
{
    private NotificationPreferences()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid PersonId { get; private set; }

    /// <summary>One bit a topic, by its number.</summary>
    public int MutedTopics { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public static NotificationPreferences For(Person person, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new NotificationPreferences { Id = Guid.NewGuid(), TenantId = person.TenantId, PersonId = person.Id, ChangedAt = Guard.Utc(now, "Change time") };
    }

    public bool IsOn(NotificationTopic topic) => (MutedTopics & Bit(topic)) == 0;

    /// <summary>Keeps exactly <paramref name="on"/> of the <paramref name="offered"/> topics on; others stay as they were.</summary>
    public void Keep(IReadOnlyCollection<NotificationTopic> offered, IReadOnlyCollection<NotificationTopic> on, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(offered);
        ArgumentNullException.ThrowIfNull(on);
        var refused = on.Where(t => !offered.Contains(t)).ToList();
        if (refused.Count > 0)
        {
            throw new DomainRuleViolationException($"{refused[0]} is not a topic offered to this person.");
        }

        foreach (var topic in offered)
        {
            MutedTopics = on.Contains(topic) ? MutedTopics & ~Bit(topic) : MutedTopics | Bit(topic);
        }

        ChangedAt = Guard.Utc(now, "Change time");
    }

    private static int Bit(NotificationTopic topic) => 1 << (int)topic;
}
