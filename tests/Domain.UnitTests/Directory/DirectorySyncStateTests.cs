using WorkSights.Domain.Common;
using WorkSights.Domain.Directory;
using static WorkSights.Domain.UnitTests.TestData;

namespace WorkSights.Domain.UnitTests.Directory;

public sealed class DirectorySyncStateTests
{
    private static readonly Guid TenantId = Guid.NewGuid();

    [Fact]
    public void ForStartsWithoutDeltaLinkOrHistory()
    {
        var state = DirectorySyncState.For(TenantId);

        Assert.Equal(TenantId, state.TenantId);
        Assert.NotEqual(Guid.Empty, state.Id);
        Assert.Null(state.DeltaLink);
        Assert.Null(state.LastSucceededAt);
        Assert.Null(state.LastAttemptAt);
        Assert.Null(state.LastError);
        Assert.Equal(0, state.ImportedCount);
    }

    [Fact]
    public void SucceededStoresLinkCountAndTimesAndClearsError()
    {
        var state = DirectorySyncState.For(TenantId);
        state.Failed("boom", Now);

        state.Succeeded("https://delta/1", 12, Now.AddMinutes(5));

        Assert.Equal("https://delta/1", state.DeltaLink);
        Assert.Equal(12, state.ImportedCount);
        Assert.Equal(Now.AddMinutes(5), state.LastSucceededAt);
        Assert.Equal(Now.AddMinutes(5), state.LastAttemptAt);
        Assert.Null(state.LastError);
    }

    [Fact]
    public void SucceededThrowsGivenMissingDeltaLink()
    {
        Assert.Throws<DomainRuleViolationException>(() => DirectorySyncState.For(TenantId).Succeeded(" ", 1, Now));
    }

    [Fact]
    public void SucceededThrowsGivenNonUtcTime()
    {
        Assert.Throws<DomainRuleViolationException>(() => DirectorySyncState.For(TenantId).Succeeded("link", 1, NotUtc));
    }

    [Fact]
    public void FailedRecordsErrorAndAttemptButKeepsLastSuccessAndLink()
    {
        var state = DirectorySyncState.For(TenantId);
        state.Succeeded("link", 3, Now);

        state.Failed("throttled", Now.AddHours(1));

        Assert.Equal("throttled", state.LastError);
        Assert.Equal(Now.AddHours(1), state.LastAttemptAt);
        Assert.Equal(Now, state.LastSucceededAt);
        Assert.Equal("link", state.DeltaLink);
    }

    [Fact]
    public void FailedThrowsGivenMissingError()
    {
        Assert.Throws<DomainRuleViolationException>(() => DirectorySyncState.For(TenantId).Failed("", Now));
    }

    [Fact]
    public void ForgetDeltaLinkClearsLink()
    {
        var state = DirectorySyncState.For(TenantId);
        state.Succeeded("link", 3, Now);

        state.ForgetDeltaLink();

        Assert.Null(state.DeltaLink);
        Assert.Equal(Now, state.LastSucceededAt);
    }
}
