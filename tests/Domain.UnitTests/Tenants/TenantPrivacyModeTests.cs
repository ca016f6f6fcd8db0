using WorkSights.Domain.Common;
using WorkSights.Domain.Privacy;
using WorkSights.Domain.Tenants;

namespace WorkSights.Domain.UnitTests.Tenants;

public sealed class TenantPrivacyModeTests
{
    private static Tenant NewTenant() =>
        Tenant.StartSignUp(IdentityProvider.Microsoft365, "3f2b8c4e-1111-4a5b-9c6d-7e8f9a0b1c2d", "contoso.com", new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void NewWorkspaceHasPrivacyModeOffWithTheDefaultMinimumAndNoKey()
    {
        var tenant = NewTenant();

        Assert.False(tenant.PrivacyModeOn);
        Assert.Equal(PrivacyMode.DefaultMinimumGroupSize, tenant.MinimumGroupSize);
        Assert.Null(tenant.ProtectedPseudonymKey);
    }

    [Fact]
    public void KeyIsKeptWhenPrivacyModeIsTurnedOffAndOnAgainSoPseudonymsStayStable()
    {
        var tenant = NewTenant();

        tenant.TurnOnPrivacyMode(5, () => "first-key");
        tenant.TurnOffPrivacyMode();
        tenant.TurnOnPrivacyMode(8, () => throw new InvalidOperationException("a workspace with a key is not given another"));

        Assert.True(tenant.PrivacyModeOn);
        Assert.Equal(8, tenant.MinimumGroupSize);
        Assert.Equal("first-key", tenant.ProtectedPseudonymKey);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(101)]
    public void MinimumGroupSizeOutsideItsBoundsIsRefused(int size)
    {
        var tenant = NewTenant();

        Assert.Throws<DomainRuleViolationException>(() => tenant.TurnOnPrivacyMode(size, () => "key"));
        Assert.False(tenant.PrivacyModeOn);
    }
}
