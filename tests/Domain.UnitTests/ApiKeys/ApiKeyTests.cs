using WorkSights.Domain.ApiKeys;
using WorkSights.Domain.Common;
using static WorkSights.Domain.UnitTests.TestData;

namespace WorkSights.Domain.UnitTests.ApiKeys;

public sealed class ApiKeyTests
{
    private static readonly string Hash = new('a', 64);

    private static ApiKey Issue(IEnumerable<string> scopes, DateTimeOffset? expiresAt = null) =>
        ApiKey.Issue(Guid.NewGuid(), "Payroll export", "wsk_abc", Hash, scopes, Guid.NewGuid(), Now, expiresAt);

    [Fact]
    public void HoldsTheWorkspaceAlwaysAndTheChosenScopesInAFixedOrderGivenDuplicates()
    {
        var key = Issue([ApiScopes.ReportsRead, ApiScopes.DirectoryRead, ApiScopes.ReportsRead]);

        Assert.Equal("workspace.read directory.read reports.read", key.Scopes);
        Assert.True(key.Holds(ApiScopes.WorkspaceRead));
        Assert.Equal(["workspace.read"], Issue([]).ScopeList);
    }

    [Fact]
    public void RefusesUnknownScopesAnExpiryInThePastOrBeyondAYearAndASecretInClear()
    {
        Assert.Throws<DomainRuleViolationException>(() => Issue(["people.write"]));
        Assert.Throws<DomainRuleViolationException>(() => Issue([], Now));
        Assert.Throws<DomainRuleViolationException>(() => Issue([], Now.AddDays(367)));
        Assert.Throws<DomainRuleViolationException>(() => ApiKey.Issue(Guid.NewGuid(), "Sync", "wsk_abc", "wss_the-secret-itself", [], null, Now, null));
        Assert.Throws<DomainRuleViolationException>(() => ApiKey.Issue(Guid.Empty, "Sync", "wsk_abc", Hash, [], null, Now, null));
        Assert.Throws<DomainRuleViolationException>(() => ApiKey.Issue(Guid.NewGuid(), " ", "wsk_abc", Hash, [], null, Now, null));
    }

    [Fact]
    public void EndsWhenRevokedOnceOrAtItsExpiry()
    {
        var key = Issue([], Now.AddDays(30));

        Assert.True(key.IsActiveAt(Now.AddDays(29)));
        Assert.False(key.IsActiveAt(Now.AddDays(30)));
        Assert.True(key.Revoke(Now.AddDays(1), null));
        Assert.False(key.Revoke(Now.AddDays(2), null));
        Assert.Equal(Now.AddDays(1), key.RevokedAt);
        Assert.False(key.IsActiveAt(Now.AddDays(1)));
    }

    [Fact]
    public void NotesItsUseAtMostOncePerPrecision()
    {
        var key = Issue([]);

        Assert.True(key.UsedAt(Now, TimeSpan.FromMinutes(1)));
        Assert.False(key.UsedAt(Now.AddSeconds(59), TimeSpan.FromMinutes(1)));
        Assert.True(key.UsedAt(Now.AddSeconds(60), TimeSpan.FromMinutes(1)));
        Assert.Equal(Now.AddSeconds(60), key.LastUsedAt);
    }
}
