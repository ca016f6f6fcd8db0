using WorkSights.Domain.Common;
using WorkSights.Domain.Notifications;
using WorkSights.Domain.People;

namespace WorkSights.Domain.UnitTests.Notifications;

public sealed class NotificationPreferencesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private static Person Ada() =>
        Person.Import(Guid.NewGuid(), "oid-1", new DirectoryProfile("ada@contoso.com", "Ada", null, null, null), ProvisioningState.New, Now);

    [Fact]
    public void EveryOfferedTopicIsOnUntilTurnedOffAndOthersKeepTheirState()
    {
        var preferences = NotificationPreferences.For(Ada(), Now);
        var owner = NotificationTopics.For(PersonRole.Owner);
        Assert.All(owner, topic => Assert.True(preferences.IsOn(topic)));

        preferences.Keep(owner, [NotificationTopic.PeopleToReview, NotificationTopic.ErasureRequests], Now.AddHours(1));
        preferences.Keep(NotificationTopics.For(PersonRole.Member), [NotificationTopic.MyFindings, NotificationTopic.CorrectionsOfMyDay], Now.AddHours(2));

        Assert.Equal(
            [NotificationTopic.MyFindings, NotificationTopic.CorrectionsOfMyDay, NotificationTopic.PeopleToReview, NotificationTopic.ErasureRequests],
            owner.Where(preferences.IsOn).Order());
        Assert.Equal(Now.AddHours(2), preferences.ChangedAt);
    }

    [Fact]
    public void ATopicTheRoleDoesNotOfferCannotBeTurnedOn()
    {
        var preferences = NotificationPreferences.For(Ada(), Now);

        Assert.Throws<DomainRuleViolationException>(() => preferences.Keep(NotificationTopics.For(PersonRole.Member), [NotificationTopic.ErasureRequests], Now));
    }

    [Theory]
    [InlineData(PersonRole.TechnicalAdmin, new[] { NotificationTopic.PeopleToReview, NotificationTopic.ConnectionProblems })]
    [InlineData(PersonRole.Member, new[] { NotificationTopic.MyFindings, NotificationTopic.CorrectionsOfMyDay })]
    [InlineData(PersonRole.Manager, new[] { NotificationTopic.MyFindings, NotificationTopic.CorrectionsOfMyDay })]
    [InlineData(PersonRole.Executive, new[] { NotificationTopic.MyFindings, NotificationTopic.TeamFindings, NotificationTopic.CorrectionsOfMyDay })]
    public void EachRoleIsOfferedOnlyTopicsAboutWhatItMaySee(PersonRole role, NotificationTopic[] offered) =>
        Assert.Equal(offered, NotificationTopics.For(role));
}
