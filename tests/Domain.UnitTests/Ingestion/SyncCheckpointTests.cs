using WorkSights.Domain.Common;
using WorkSights.Domain.Ingestion;
using static WorkSights.Domain.UnitTests.TestData;

namespace WorkSights.Domain.UnitTests.Ingestion;

public sealed class SyncCheckpointTests
{
    private static readonly DateTimeOffset RangeStart = Now.AddDays(-29);
    private static readonly DateTimeOffset RangeEnd = Now.AddDays(30);

    private static SyncCheckpoint NewCheckpoint(ServiceFeature feature = ServiceFeature.Calendar) =>
        SyncCheckpoint.Start(Guid.NewGuid(), Guid.NewGuid(), feature);

    [Fact]
    public void StartKeepsOwnerAndFeatureAndHasNothingToResume()
    {
        var tenantId = Guid.NewGuid();
        var personId = Guid.NewGuid();

        var checkpoint = SyncCheckpoint.Start(tenantId, personId, ServiceFeature.Email);

        Assert.NotEqual(Guid.Empty, checkpoint.Id);
        Assert.Equal(tenantId, checkpoint.TenantId);
        Assert.Equal(personId, checkpoint.PersonId);
        Assert.Equal(ServiceFeature.Email, checkpoint.Feature);
        Assert.Null(checkpoint.ResumeLink);
        Assert.False(checkpoint.IsMidRound);
        Assert.False(checkpoint.IsFullRead);
        Assert.Null(checkpoint.LastCompletedAt);
        Assert.Equal(0, checkpoint.ItemsImported);
        Assert.False(checkpoint.IsParkedAt(Now));
    }

    [Fact]
    public void StartThrowsGivenUnknownFeature()
    {
        Assert.Throws<DomainRuleViolationException>(() => SyncCheckpoint.Start(Guid.NewGuid(), Guid.NewGuid(), (ServiceFeature)0));
    }

    [Fact]
    public void BeginFullReadSetsRangeAndForgetsTheResumeLink()
    {
        var checkpoint = NewCheckpoint();
        checkpoint.PageStored("https://graph.example.test/page-2", 3);

        checkpoint.BeginFullRead(Now, RangeStart, RangeEnd);

        Assert.True(checkpoint.IsFullRead);
        Assert.False(checkpoint.IsMidRound);
        Assert.Null(checkpoint.ResumeLink);
        Assert.Equal(Now, checkpoint.FullReadStartedAt);
        Assert.Equal(RangeStart, checkpoint.RangeStart);
        Assert.Equal(RangeEnd, checkpoint.RangeEnd);
        Assert.Equal(3, checkpoint.ItemsImported);
    }

    [Fact]
    public void BeginFullReadWithoutEndLeavesTheRangeOpen()
    {
        var checkpoint = NewCheckpoint(ServiceFeature.Email);

        checkpoint.BeginFullRead(Now, RangeStart);

        Assert.Equal(RangeStart, checkpoint.RangeStart);
        Assert.Null(checkpoint.RangeEnd);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void BeginFullReadThrowsGivenEndNotAfterStart(int daysAfterStart)
    {
        var checkpoint = NewCheckpoint();

        Assert.Throws<DomainRuleViolationException>(() => checkpoint.BeginFullRead(Now, RangeStart, RangeStart.AddDays(daysAfterStart)));
        Assert.False(checkpoint.IsFullRead);
        Assert.Null(checkpoint.RangeStart);
    }

    [Fact]
    public void BeginFullReadThrowsGivenNonUtcRangeStart()
    {
        var checkpoint = NewCheckpoint();

        Assert.Throws<DomainRuleViolationException>(() => checkpoint.BeginFullRead(Now, NotUtc.AddDays(-29), RangeEnd));
        Assert.False(checkpoint.IsFullRead);
    }

    [Fact]
    public void BeginFullReadThrowsGivenNonUtcRangeEnd()
    {
        var checkpoint = NewCheckpoint();

        Assert.Throws<DomainRuleViolationException>(() => checkpoint.BeginFullRead(Now, RangeStart, NotUtc.AddDays(30)));
        Assert.Null(checkpoint.RangeEnd);
    }

    [Fact]
    public void BeginFullReadThrowsAndChangesNothingGivenNonUtcStartTime()
    {
        var checkpoint = NewCheckpoint();
        checkpoint.PageStored("https://graph.example.test/page-2", 1);

        Assert.Throws<DomainRuleViolationException>(() => checkpoint.BeginFullRead(NotUtc, RangeStart, RangeEnd));

        Assert.False(checkpoint.IsFullRead);
        Assert.True(checkpoint.IsMidRound);
        Assert.Equal("https://graph.example.test/page-2", checkpoint.ResumeLink);
        Assert.Null(checkpoint.RangeStart);
        Assert.Null(checkpoint.FullReadStartedAt);
    }

    [Fact]
    public void PageStoredContinuesMidRoundAndCountsItems()
    {
        var checkpoint = NewCheckpoint();
        checkpoint.BeginFullRead(Now, RangeStart, RangeEnd);

        checkpoint.PageStored("https://graph.example.test/page-2", 10);
        checkpoint.PageStored(" https://graph.example.test/page-3 ", 7);

        Assert.True(checkpoint.IsMidRound);
        Assert.True(checkpoint.IsFullRead);
        Assert.Equal("https://graph.example.test/page-3", checkpoint.ResumeLink);
        Assert.Equal(17, checkpoint.ItemsImported);
        Assert.Null(checkpoint.LastCompletedAt);
    }

    [Fact]
    public void PageStoredThrowsGivenBlankLink()
    {
        var checkpoint = NewCheckpoint();

        Assert.Throws<DomainRuleViolationException>(() => checkpoint.PageStored(" ", 1));
        Assert.Equal(0, checkpoint.ItemsImported);
        Assert.False(checkpoint.IsMidRound);
    }

    [Fact]
    public void PageStoredThrowsGivenOverlongLink()
    {
        Assert.Throws<DomainRuleViolationException>(() => NewCheckpoint().PageStored(new string('x', 8193), 1));
    }

    [Fact]
    public void RoundCompletedEndsTheRoundAndTheFullReadAndCountsItems()
    {
        var checkpoint = NewCheckpoint();
        checkpoint.BeginFullRead(Now, RangeStart, RangeEnd);
        checkpoint.PageStored("https://graph.example.test/page-2", 10);

        checkpoint.RoundCompleted("https://graph.example.test/delta-1", 4, Now.AddMinutes(1));

        Assert.False(checkpoint.IsMidRound);
        Assert.False(checkpoint.IsFullRead);
        Assert.Null(checkpoint.FullReadStartedAt);
        Assert.Equal("https://graph.example.test/delta-1", checkpoint.ResumeLink);
        Assert.Equal(14, checkpoint.ItemsImported);
        Assert.Equal(Now.AddMinutes(1), checkpoint.LastCompletedAt);
    }

    [Fact]
    public void RoundCompletedKeepsTheRangeTheDeltaLinkCovers()
    {
        var checkpoint = NewCheckpoint();
        checkpoint.BeginFullRead(Now, RangeStart, RangeEnd);

        checkpoint.RoundCompleted("https://graph.example.test/delta-1", 0, Now);

        Assert.Equal(RangeStart, checkpoint.RangeStart);
        Assert.Equal(RangeEnd, checkpoint.RangeEnd);
    }

    [Fact]
    public void RoundCompletedClearsTheParking()
    {
        var checkpoint = NewCheckpoint();
        checkpoint.Park(Now.AddMinutes(5));

        checkpoint.RoundCompleted("https://graph.example.test/delta-1", 0, Now.AddMinutes(6));

        Assert.Null(checkpoint.NotBefore);
        Assert.False(checkpoint.IsParkedAt(Now));
    }

    [Fact]
    public void RoundCompletedThrowsGivenBlankDeltaLink()
    {
        var checkpoint = NewCheckpoint();
        checkpoint.BeginFullRead(Now, RangeStart, RangeEnd);

        Assert.Throws<DomainRuleViolationException>(() => checkpoint.RoundCompleted("", 1, Now));
        Assert.True(checkpoint.IsFullRead);
        Assert.Equal(0, checkpoint.ItemsImported);
    }

    [Fact]
    public void RoundCompletedThrowsGivenNonUtcTime()
    {
        Assert.Throws<DomainRuleViolationException>(() => NewCheckpoint().RoundCompleted("https://graph.example.test/delta-1", 0, NotUtc));
    }

    [Fact]
    public void ParkedUntilTheNotBeforeTimeOnly()
    {
        var checkpoint = NewCheckpoint();

        checkpoint.Park(Now.AddSeconds(30));

        Assert.Equal(Now.AddSeconds(30), checkpoint.NotBefore);
        Assert.True(checkpoint.IsParkedAt(Now));
        Assert.True(checkpoint.IsParkedAt(Now.AddSeconds(29)));
        Assert.False(checkpoint.IsParkedAt(Now.AddSeconds(30)));
        Assert.False(checkpoint.IsParkedAt(Now.AddMinutes(1)));
    }

    [Fact]
    public void ParkThrowsGivenNonUtcTime()
    {
        Assert.Throws<DomainRuleViolationException>(() => NewCheckpoint().Park(NotUtc));
    }

    [Fact]
    public void PageStoredKeepsTheParkingUntilTheRoundCompletes()
    {
        var checkpoint = NewCheckpoint();
        checkpoint.Park(Now.AddMinutes(1));

        checkpoint.PageStored("https://graph.example.test/page-2", 1);

        Assert.Equal(Now.AddMinutes(1), checkpoint.NotBefore);
    }
}
