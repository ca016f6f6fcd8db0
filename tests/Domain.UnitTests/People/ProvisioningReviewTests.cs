using WorkSights.Domain.Common;
using WorkSights.Domain.People;
using static WorkSights.Domain.UnitTests.TestData;

namespace WorkSights.Domain.UnitTests.People;

/// <summary>The decisions of the User Provisioning review, one identity at a time.</summary>
public sealed class ProvisioningReviewTests
{
    private static readonly Guid TenantId = Guid.NewGuid();

    private static Person Import(string name, ProvisioningState state = ProvisioningState.New, Guid? tenantId = null) =>
        Person.Import(tenantId ?? TenantId, $"oid-{name}", new DirectoryProfile($"{name}@contoso.com", name, null, null, null), state, Now);

    [Theory]
    [InlineData(ProvisioningState.New, ProvisioningState.Blocked)]
    [InlineData(ProvisioningState.AlreadyLinked, ProvisioningState.Blocked)]
    [InlineData(ProvisioningState.Blocked, ProvisioningState.New)]
    [InlineData(ProvisioningState.Link, ProvisioningState.New)]
    [InlineData(ProvisioningState.Link, ProvisioningState.Blocked)]
    [InlineData(ProvisioningState.AlreadyLinked, ProvisioningState.New)]
    public void ReviewTakesTheChosenStateGivenNewOrBlocked(ProvisioningState from, ProvisioningState to)
    {
        var person = Import("ada", from);

        var changed = person.Review(to, null, Now.AddHours(1));

        Assert.True(changed);
        Assert.Equal((to, (Guid?)null, Now.AddHours(1)), (person.ProvisioningState, person.LinkedPersonId, person.UpdatedAt));
    }

    [Fact]
    public void ReviewLinksIntoTheTargetAndRemovesLoginAccessGivenLink()
    {
        var secondAddress = Import("ada.old", ProvisioningState.Link);
        secondAddress.GrantLoginAccess();
        var ada = Import("ada");

        Assert.True(secondAddress.Review(ProvisioningState.Link, ada, Now));

        Assert.Equal((ProvisioningState.Link, ada.Id, false), (secondAddress.ProvisioningState, secondAddress.LinkedPersonId, secondAddress.HasLoginAccess));
        Assert.False(secondAddress.Review(ProvisioningState.Link, ada, Now));
    }

    [Fact]
    public void ReviewForgetsTheLinkGivenNewOrBlockedAfterLink()
    {
        var secondAddress = Import("ada.old");
        var ada = Import("ada");
        secondAddress.Review(ProvisioningState.Link, ada, Now);

        secondAddress.Review(ProvisioningState.Blocked, null, Now);

        Assert.Null(secondAddress.LinkedPersonId);
    }

    [Fact]
    public void ReviewBlockingRemovesLoginAccess()
    {
        var person = Import("ada");
        person.GrantLoginAccess();

        person.Review(ProvisioningState.Blocked, null, Now);

        Assert.False(person.HasLoginAccess);
    }

    [Fact]
    public void ReviewChangesNothingGivenTheSameState()
    {
        var person = Import("ada", ProvisioningState.Blocked);

        Assert.False(person.Review(ProvisioningState.Blocked, null, Now.AddDays(1)));
        Assert.NotEqual(Now.AddDays(1), person.UpdatedAt);
    }

    [Fact]
    public void ReviewRefusesAlreadyLinkedWhichOnlyTheDirectoryMatchSets()
    {
        var person = Import("ada");

        var refused = Assert.Throws<DomainRuleViolationException>(() => person.Review(ProvisioningState.AlreadyLinked, null, Now));

        Assert.Contains("Already Linked is set by the directory match", refused.Message, StringComparison.Ordinal);
        Assert.Equal(ProvisioningState.New, person.ProvisioningState);
    }

    [Fact]
    public void ReviewRefusesLinkWithoutTargetOrToItself()
    {
        var person = Import("ada");

        Assert.Throws<DomainRuleViolationException>(() => person.Review(ProvisioningState.Link, null, Now));
        Assert.Throws<DomainRuleViolationException>(() => person.Review(ProvisioningState.Link, person, Now));
        Assert.Equal(ProvisioningState.New, person.ProvisioningState);
    }

    [Theory]
    [InlineData(ProvisioningState.Blocked)]
    [InlineData(ProvisioningState.Link)]
    public void ReviewRefusesATargetThatIsBlockedOrLinkedItself(ProvisioningState targetState)
    {
        var person = Import("ada.old");
        var target = Import("ada", targetState);

        Assert.Throws<DomainRuleViolationException>(() => person.Review(ProvisioningState.Link, target, Now));
    }

    [Fact]
    public void ReviewRefusesATargetWhoLeftTheDirectoryOrBelongsToAnotherWorkspace()
    {
        var person = Import("ada.old");
        var gone = Import("ada");
        gone.MarkRemovedFromDirectory(Now);
        var foreign = Import("ada", tenantId: Guid.NewGuid());

        Assert.Throws<DomainRuleViolationException>(() => person.Review(ProvisioningState.Link, gone, Now));
        Assert.Throws<DomainRuleViolationException>(() => person.Review(ProvisioningState.Link, foreign, Now));
    }
}
