using WorkSights.Domain.Common;
using WorkSights.Domain.People;
using static WorkSights.Domain.UnitTests.TestData;

namespace WorkSights.Domain.UnitTests.People;

public sealed class PersonTests
{
    private static readonly Guid TenantId = Guid.NewGuid();

    private static readonly DirectoryProfile Profile = new("Ada@Contoso.com", "Ada Lovelace", "Research", "Analyst", "mgr-1");

    private static Person Import(ProvisioningState state = ProvisioningState.New) =>
        Person.Import(TenantId, "oid-1", Profile, state, Now);

    [Fact]
    public void ImportCreatesActiveMemberWithoutLoginAccess()
    {
        var person = Import();

        Assert.Equal(TenantId, person.TenantId);
        Assert.Equal("oid-1", person.ExternalId);
        Assert.Equal("ada@contoso.com", person.Email);
        Assert.Equal("Ada Lovelace", person.DisplayName);
        Assert.Equal("Research", person.Department);
        Assert.Equal("Analyst", person.JobTitle);
        Assert.Equal("mgr-1", person.ManagerExternalId);
        Assert.Equal(PersonRole.Member, person.Role);
        Assert.Equal(PersonStatus.Active, person.Status);
        Assert.Equal(ProvisioningState.New, person.ProvisioningState);
        Assert.False(person.HasLoginAccess);
        Assert.Equal(Now, person.ImportedAt);
    }

    [Fact]
    public void ImportThrowsGivenEmptyTenant()
    {
        Assert.Throws<DomainRuleViolationException>(() => Person.Import(Guid.Empty, "oid", Profile, ProvisioningState.New, Now));
    }

    [Fact]
    public void ImportThrowsGivenMissingExternalId()
    {
        Assert.Throws<DomainRuleViolationException>(() => Person.Import(TenantId, " ", Profile, ProvisioningState.New, Now));
    }

    [Fact]
    public void ImportThrowsGivenMissingEmail()
    {
        Assert.Throws<DomainRuleViolationException>(() =>
            Person.Import(TenantId, "oid", Profile with { Email = "" }, ProvisioningState.New, Now));
    }

    [Fact]
    public void ImportThrowsGivenNonUtcTime()
    {
        Assert.Throws<DomainRuleViolationException>(() => Person.Import(TenantId, "oid", Profile, ProvisioningState.New, NotUtc));
    }

    [Fact]
    public void ImportStoresBlankOptionalFieldsAsNull()
    {
        var person = Person.Import(TenantId, "oid", Profile with { Department = " ", JobTitle = "", ManagerExternalId = null }, ProvisioningState.New, Now);

        Assert.Null(person.Department);
        Assert.Null(person.JobTitle);
        Assert.Null(person.ManagerExternalId);
    }

    [Fact]
    public void ApplyDirectoryProfileReturnsFalseGivenSameValues()
    {
        var person = Import();

        var changed = person.ApplyDirectoryProfile(Profile with { Email = "ADA@contoso.com" }, Now.AddDays(1));

        Assert.False(changed);
        Assert.Equal(Now, person.UpdatedAt);
    }

    [Fact]
    public void ApplyDirectoryProfileReturnsTrueAndStampsUpdateGivenNewDepartment()
    {
        var person = Import();

        var changed = person.ApplyDirectoryProfile(Profile with { Department = "Engineering" }, Now.AddDays(1));

        Assert.True(changed);
        Assert.Equal("Engineering", person.Department);
        Assert.Equal(Now.AddDays(1), person.UpdatedAt);
    }

    [Fact]
    public void ApplyDirectoryProfileReturnsTrueGivenNewManager()
    {
        var person = Import();

        Assert.True(person.ApplyDirectoryProfile(Profile with { ManagerExternalId = "mgr-2" }, Now.AddDays(1)));
        Assert.Equal("mgr-2", person.ManagerExternalId);
    }

    [Fact]
    public void MarkRemovedFromDirectoryRemovesAndRevokesLoginAccess()
    {
        var person = Import();
        person.GrantLoginAccess();

        person.MarkRemovedFromDirectory(Now.AddDays(1));

        Assert.Equal(PersonStatus.Removed, person.Status);
        Assert.False(person.HasLoginAccess);
        Assert.Equal(Now.AddDays(1), person.UpdatedAt);
    }

    [Fact]
    public void MarkRemovedFromDirectoryKeepsFirstRemovalTimeGivenSecondCall()
    {
        var person = Import();
        person.MarkRemovedFromDirectory(Now.AddDays(1));

        person.MarkRemovedFromDirectory(Now.AddDays(2));

        Assert.Equal(Now.AddDays(1), person.UpdatedAt);
    }

    [Fact]
    public void ApplyDirectoryProfileReactivatesRemovedPersonAndReportsChange()
    {
        var person = Import();
        person.MarkRemovedFromDirectory(Now.AddDays(1));

        var changed = person.ApplyDirectoryProfile(Profile, Now.AddDays(2));

        Assert.True(changed);
        Assert.Equal(PersonStatus.Active, person.Status);
        Assert.False(person.HasLoginAccess);
        Assert.Equal(Now.AddDays(2), person.UpdatedAt);
    }

    [Fact]
    public void GrantLoginAccessGivesAccessGivenActiveNewPerson()
    {
        var person = Import();

        person.GrantLoginAccess();

        Assert.True(person.HasLoginAccess);
    }

    [Fact]
    public void GrantLoginAccessThrowsGivenBlockedPerson()
    {
        var person = Import(ProvisioningState.Blocked);

        Assert.Throws<DomainRuleViolationException>(person.GrantLoginAccess);
        Assert.False(person.HasLoginAccess);
    }

    [Fact]
    public void GrantLoginAccessThrowsGivenRemovedPerson()
    {
        var person = Import();
        person.MarkRemovedFromDirectory(Now);

        Assert.Throws<DomainRuleViolationException>(person.GrantLoginAccess);
        Assert.False(person.HasLoginAccess);
    }

    [Fact]
    public void RevokeLoginAccessTakesAccessAway()
    {
        var person = Import();
        person.GrantLoginAccess();

        person.RevokeLoginAccess();

        Assert.False(person.HasLoginAccess);
    }

    [Fact]
    public void ChangeProvisioningStateToBlockedRevokesLoginAccess()
    {
        var person = Import();
        person.GrantLoginAccess();

        person.ChangeProvisioningState(ProvisioningState.Blocked);

        Assert.Equal(ProvisioningState.Blocked, person.ProvisioningState);
        Assert.False(person.HasLoginAccess);
    }

    [Fact]
    public void ChangeProvisioningStateToLinkKeepsLoginAccess()
    {
        var person = Import();
        person.GrantLoginAccess();

        person.ChangeProvisioningState(ProvisioningState.Link);

        Assert.True(person.HasLoginAccess);
    }

    [Fact]
    public void ChangeProvisioningStateThrowsGivenUnknownState()
    {
        var person = Import();

        Assert.Throws<DomainRuleViolationException>(() => person.ChangeProvisioningState((ProvisioningState)42));
    }

    [Fact]
    public void MakeOwnerGivesOwnerRoleAndLoginAccess()
    {
        var person = Import();

        person.MakeOwner();

        Assert.Equal(PersonRole.Owner, person.Role);
        Assert.True(person.HasLoginAccess);
    }

    [Fact]
    public void MakeOwnerThrowsGivenBlockedPerson()
    {
        var person = Import(ProvisioningState.Blocked);

        Assert.Throws<DomainRuleViolationException>(person.MakeOwner);
        Assert.False(person.HasLoginAccess);
    }

    [Fact]
    public void AssignRoleSetsKnownRole()
    {
        var person = Import();

        person.AssignRole(PersonRole.Manager);

        Assert.Equal(PersonRole.Manager, person.Role);
    }

    [Fact]
    public void AssignRoleThrowsGivenUnknownRole()
    {
        var person = Import();

        Assert.Throws<DomainRuleViolationException>(() => person.AssignRole((PersonRole)0));
        Assert.Equal(PersonRole.Member, person.Role);
    }
}
