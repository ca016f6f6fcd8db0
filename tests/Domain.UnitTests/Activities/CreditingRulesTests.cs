using WorkSights.Domain.Activities;

namespace WorkSights.Domain.UnitTests.Activities;

public sealed class CreditingRulesTests
{
    private static readonly IReadOnlySet<string> Contoso = new HashSet<string> { "contoso.com", "contoso.co.uk" };

    [Fact]
    public void DefaultCreditsFollowTheScoreRules()
    {
        Assert.Equal(TimeSpan.FromMinutes(5), CreditingRules.SentEmail);
        Assert.Equal(TimeSpan.FromMinutes(1), CreditingRules.CalendarResponse);
    }

    [Theory]
    [InlineData(0, ActivityKind.CalendarBlock)]
    [InlineData(-1, ActivityKind.CalendarBlock)]
    [InlineData(1, ActivityKind.Meeting)]
    [InlineData(12, ActivityKind.Meeting)]
    public void KindOfCalendarEntryIsAMeetingOnlyWithAnotherParticipant(int others, ActivityKind expected)
    {
        Assert.Equal(expected, CreditingRules.KindOfCalendarEntry(others));
    }

    [Fact]
    public void IsExternalIsFalseGivenOnlyWorkspaceAddresses()
    {
        Assert.False(CreditingRules.IsExternal(["ann@contoso.com", "bob@contoso.co.uk"], Contoso));
    }

    [Fact]
    public void IsExternalIsTrueGivenOneOutsideAddress()
    {
        Assert.True(CreditingRules.IsExternal(["ann@contoso.com", "eve@fabrikam.com"], Contoso));
    }

    [Fact]
    public void IsExternalIsFalseGivenNoParticipants()
    {
        Assert.False(CreditingRules.IsExternal([], Contoso));
    }

    [Fact]
    public void IsExternalIgnoresTheCaseOfTheAddressDomain()
    {
        Assert.False(CreditingRules.IsExternal(["Ann@CONTOSO.com", "bob@Contoso.Co.UK"], Contoso));
    }

    [Fact]
    public void IsExternalIgnoresTheCaseOfTheWorkspaceDomains()
    {
        var mixedCase = new HashSet<string> { "Contoso.COM" };

        Assert.False(CreditingRules.IsExternal(["ann@contoso.com", "BOB@CONTOSO.COM"], mixedCase));
    }

    [Fact]
    public void IsExternalTreatsAnAddressWithoutAtAsExternal()
    {
        Assert.True(CreditingRules.IsExternal(["contoso.com"], Contoso));
    }

    [Fact]
    public void IsExternalUsesTheDomainAfterTheLastAt()
    {
        Assert.True(CreditingRules.IsExternal(["\"a@contoso.com\"@fabrikam.com"], Contoso));
        Assert.False(CreditingRules.IsExternal(["\"a@fabrikam.com\"@contoso.com"], Contoso));
    }

    [Fact]
    public void IsExternalTreatsASubdomainAsExternal()
    {
        Assert.True(CreditingRules.IsExternal(["ann@mail.contoso.com"], Contoso));
    }
}
