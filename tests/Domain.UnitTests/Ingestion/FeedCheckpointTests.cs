using WorkSights.Domain.Common;
using WorkSights.Domain.Ingestion;
using static WorkSights.Domain.UnitTests.TestData;

namespace WorkSights.Domain.UnitTests.Ingestion;

public sealed class FeedCheckpointTests
{
    private static FeedCheckpoint NewCheckpoint() => FeedCheckpoint.Start(Guid.NewGuid(), TenantFeed.SignIns);

    [Fact]
    public void StartsUnreadAndUnsubscribed()
    {
        var checkpoint = NewCheckpoint();

        Assert.Null(checkpoint.ReadUntil);
        Assert.False(checkpoint.IsSubscribed);
        Assert.Equal(0, checkpoint.ItemsImported);
        Assert.Equal(Now.AddDays(-29), checkpoint.StartFrom(Now.AddDays(-29)));
    }

    [Fact]
    public void StartThrowsGivenNoWorkspaceOrUnknownFeed()
    {
        Assert.Throws<DomainRuleViolationException>(() => FeedCheckpoint.Start(Guid.Empty, TenantFeed.SignIns));
        Assert.Throws<DomainRuleViolationException>(() => FeedCheckpoint.Start(Guid.NewGuid(), (TenantFeed)99));
    }

    [Fact]
    public void AdvanceMovesForwardAndCountsItems()
    {
        var checkpoint = NewCheckpoint();

        checkpoint.Advance(Now, 3);
        checkpoint.Stored(2);

        Assert.Equal(Now, checkpoint.ReadUntil);
        Assert.Equal(5, checkpoint.ItemsImported);
        Assert.Equal(Now, checkpoint.StartFrom(Now.AddDays(-7)));
    }

    [Fact]
    public void AdvanceNeverMovesBack()
    {
        var checkpoint = NewCheckpoint();
        checkpoint.Advance(Now, 0);

        checkpoint.Advance(Now.AddHours(-1), 1);

        Assert.Equal(Now, checkpoint.ReadUntil);
    }

    [Fact]
    public void StartFromIsNeverEarlierThanTheEarliestAllowed()
    {
        var checkpoint = NewCheckpoint();
        checkpoint.Advance(Now.AddDays(-10), 0);

        Assert.Equal(Now.AddDays(-7), checkpoint.StartFrom(Now.AddDays(-7)));
    }

    [Fact]
    public void AdvanceThrowsGivenNonUtcTime()
    {
        Assert.Throws<DomainRuleViolationException>(() => NewCheckpoint().Advance(NotUtc, 0));
    }

    [Fact]
    public void ParkHoldsUntilItsTimeAndCompletionClearsIt()
    {
        var checkpoint = NewCheckpoint();
        checkpoint.Park(Now.AddMinutes(5));

        Assert.True(checkpoint.IsParkedAt(Now));
        Assert.False(checkpoint.IsParkedAt(Now.AddMinutes(5)));

        checkpoint.Completed(Now.AddMinutes(6));

        Assert.Null(checkpoint.NotBefore);
        Assert.Equal(Now.AddMinutes(6), checkpoint.LastCompletedAt);
    }

    [Fact]
    public void SubscriptionCanBeLostAndStartedAgain()
    {
        var checkpoint = NewCheckpoint();

        checkpoint.Subscribed();
        Assert.True(checkpoint.IsSubscribed);
        checkpoint.Unsubscribed();
        Assert.False(checkpoint.IsSubscribed);
    }

    [Theory]
    [InlineData(TenantFeed.CallRecords, ServiceFeature.Calls)]
    [InlineData(TenantFeed.SignIns, ServiceFeature.Logins)]
    [InlineData(TenantFeed.AuditSharePoint, ServiceFeature.Files)]
    [InlineData(TenantFeed.AuditGeneral, ServiceFeature.Chat)]
    [InlineData(TenantFeed.AuditExchange, ServiceFeature.MailboxAccess)]
    [InlineData(TenantFeed.AuditAzureActiveDirectory, ServiceFeature.Logins)]
    public void EachFeedIsSwitchedByOneFeature(TenantFeed feed, ServiceFeature feature)
    {
        Assert.Equal(feature, TenantFeeds.FeatureOf(feed));
        Assert.Equal(feed >= TenantFeed.AuditSharePoint, TenantFeeds.IsAuditFeed(feed));
    }
}
