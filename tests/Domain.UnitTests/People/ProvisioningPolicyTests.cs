using WorkSights.Domain.Common;
using WorkSights.Domain.People;

namespace WorkSights.Domain.UnitTests.People;

public sealed class ProvisioningPolicyTests
{
    private const string Domain = "contoso.com";

    [Fact]
    public void IsGuestReturnsTrueGivenGuestUserType()
    {
        Assert.True(ProvisioningPolicy.IsGuest("someone@contoso.com", isGuestUserType: true));
    }

    [Theory]
    [InlineData("bob_fabrikam.com#EXT#@contoso.onmicrosoft.com")]
    [InlineData("bob_fabrikam.com#ext#@contoso.onmicrosoft.com")]
    public void IsGuestReturnsTrueGivenExternalMarkerInUserPrincipalName(string upn)
    {
        Assert.True(ProvisioningPolicy.IsGuest(upn, isGuestUserType: false));
    }

    [Fact]
    public void IsGuestReturnsFalseGivenMemberWithoutMarker()
    {
        Assert.False(ProvisioningPolicy.IsGuest("ada@contoso.com", isGuestUserType: false));
    }

    [Theory]
    [InlineData(MailboxPurpose.Shared, NotImportedReason.SharedMailbox)]
    [InlineData(MailboxPurpose.Room, NotImportedReason.Room)]
    [InlineData(MailboxPurpose.Equipment, NotImportedReason.Equipment)]
    public void WhyNotImportedNamesTheMailboxKindGivenAMemberWithASharedRoomOrEquipmentMailbox(MailboxPurpose purpose, NotImportedReason reason)
    {
        Assert.Equal(reason, ProvisioningPolicy.WhyNotImported("info@contoso.com", isGuestUserType: false, purpose));
    }

    [Theory]
    [InlineData(MailboxPurpose.Person)]
    [InlineData(MailboxPurpose.Other)]
    [InlineData(MailboxPurpose.Unknown)]
    public void WhyNotImportedIsNullGivenAMemberWhoseMailboxIsAPersonsOrUnknown(MailboxPurpose purpose)
    {
        Assert.Null(ProvisioningPolicy.WhyNotImported("ada@contoso.com", isGuestUserType: false, purpose));
    }

    [Theory]
    [InlineData("gina@partner.com", true, MailboxPurpose.Person)]
    [InlineData("hal_partner.com#EXT#@contoso.onmicrosoft.com", false, MailboxPurpose.Unknown)]
    [InlineData("gina@partner.com", true, MailboxPurpose.Shared)]
    public void WhyNotImportedIsGuestGivenAGuestWhateverTheirMailbox(string upn, bool isGuest, MailboxPurpose purpose)
    {
        Assert.Equal(NotImportedReason.Guest, ProvisioningPolicy.WhyNotImported(upn, isGuest, purpose));
    }

    [Fact]
    public void ForJoinerAcceptsANewIdentityGivenAcceptJoinersAutomatically()
    {
        Assert.Equal(ProvisioningState.AlreadyLinked, ProvisioningPolicy.ForJoiner(ProvisioningState.New, acceptJoinersAutomatically: true));
    }

    [Theory]
    [InlineData(ProvisioningState.New, false, ProvisioningState.New)]
    [InlineData(ProvisioningState.Link, true, ProvisioningState.Link)]
    [InlineData(ProvisioningState.Blocked, true, ProvisioningState.Blocked)]
    [InlineData(ProvisioningState.AlreadyLinked, false, ProvisioningState.AlreadyLinked)]
    public void ForJoinerKeepsTheClassificationGivenTheOptionOffOrAnIdentityThatNeedsReview(ProvisioningState classified, bool accept, ProvisioningState expected)
    {
        Assert.Equal(expected, ProvisioningPolicy.ForJoiner(classified, accept));
    }

    [Fact]
    public void ClassifyReturnsBlockedGivenDisabledAccount()
    {
        Assert.Equal(ProvisioningState.Blocked, ProvisioningPolicy.Classify("ada@contoso.com", accountEnabled: false, hasLicense: true, Domain, isKnownProfile: true));
    }

    [Fact]
    public void ClassifyReturnsBlockedGivenUnlicensedAccount()
    {
        Assert.Equal(ProvisioningState.Blocked, ProvisioningPolicy.Classify("ada@contoso.com", accountEnabled: true, hasLicense: false, Domain, isKnownProfile: false));
    }

    [Theory]
    [InlineData("svc-backup@contoso.com")]
    [InlineData("SVC_sync@contoso.com")]
    [InlineData("noreply@contoso.com")]
    [InlineData("no-reply@contoso.com")]
    [InlineData("donotreply@contoso.com")]
    [InlineData("test.user@contoso.com")]
    [InlineData("service.desk@contoso.com")]
    [InlineData("system-monitor@contoso.com")]
    public void ClassifyReturnsBlockedGivenServiceLikeAddress(string email)
    {
        Assert.Equal(ProvisioningState.Blocked, ProvisioningPolicy.Classify(email, accountEnabled: true, hasLicense: true, Domain, isKnownProfile: false));
    }

    [Fact]
    public void ClassifyReturnsLinkGivenOtherDomain()
    {
        Assert.Equal(ProvisioningState.Link, ProvisioningPolicy.Classify("ada@fabrikam.com", accountEnabled: true, hasLicense: true, Domain, isKnownProfile: true));
    }

    [Fact]
    public void ClassifyReturnsAlreadyLinkedGivenKnownProfileInWorkspaceDomain()
    {
        Assert.Equal(ProvisioningState.AlreadyLinked, ProvisioningPolicy.Classify("Ada@CONTOSO.com", accountEnabled: true, hasLicense: true, Domain, isKnownProfile: true));
    }

    [Fact]
    public void ClassifyReturnsNewGivenUnknownProfileInWorkspaceDomain()
    {
        Assert.Equal(ProvisioningState.New, ProvisioningPolicy.Classify("ada@contoso.com", accountEnabled: true, hasLicense: true, "CONTOSO.COM", isKnownProfile: false));
    }

    [Fact]
    public void ClassifyReturnsNewGivenNameThatOnlyContainsServiceWord()
    {
        Assert.Equal(ProvisioningState.New, ProvisioningPolicy.Classify("contest.winner@contoso.com", accountEnabled: true, hasLicense: true, Domain, isKnownProfile: false));
    }

    [Theory]
    [InlineData("ada@Contoso.COM", "contoso.com")]
    [InlineData("a@b@sub.example.org", "sub.example.org")]
    [InlineData("no-at-sign", "")]
    public void DomainOfReturnsLowercasedPartAfterLastAt(string email, string expected)
    {
        Assert.Equal(expected, EmailAddresses.DomainOf(email));
    }
}
