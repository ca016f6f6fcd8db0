using WorkSights.Domain.Common;
using WorkSights.Domain.People;
using static WorkSights.Domain.UnitTests.TestData;

namespace WorkSights.Domain.UnitTests.People;

public sealed class PeopleManagementRulesTests
{
    private static readonly PersonEditor Owner = new(Guid.NewGuid(), PersonRole.Owner);
    private static readonly PersonEditor TechnicalAdmin = new(Guid.NewGuid(), PersonRole.TechnicalAdmin);

    [Theory]
    [InlineData(PersonRole.Member, PersonRole.Manager)]
    [InlineData(PersonRole.Manager, PersonRole.Executive)]
    [InlineData(PersonRole.Member, PersonRole.TechnicalAdmin)]
    [InlineData(PersonRole.Executive, PersonRole.Member)]
    public void TechnicalAdminChangesRolesBelowOwnerGivenSomeoneElse(PersonRole from, PersonRole to) =>
        PeopleManagementRules.EnsureMayChangeRole(TechnicalAdmin, Guid.NewGuid(), from, to);

    [Theory]
    [InlineData(PersonRole.Member, PersonRole.Owner)]
    [InlineData(PersonRole.Owner, PersonRole.Member)]
    public void OnlyAnOwnerMakesOrChangesOwnersGivenATechnicalAdmin(PersonRole from, PersonRole to)
    {
        var refusal = Assert.Throws<DomainRuleViolationException>(() => PeopleManagementRules.EnsureMayChangeRole(TechnicalAdmin, Guid.NewGuid(), from, to));
        Assert.Contains("Only an Owner", refusal.Message, StringComparison.Ordinal);
        PeopleManagementRules.EnsureMayChangeRole(Owner, Guid.NewGuid(), from, to);
    }

    [Theory]
    [InlineData(PersonRole.TechnicalAdmin, PersonRole.Owner)]
    [InlineData(PersonRole.TechnicalAdmin, PersonRole.Executive)]
    [InlineData(PersonRole.TechnicalAdmin, PersonRole.Manager)]
    public void NobodyRaisesTheirOwnRoleGivenTheirOwnChange(PersonRole from, PersonRole to)
    {
        var self = new PersonEditor(Guid.NewGuid(), from);

        var refusal = Assert.Throws<DomainRuleViolationException>(() => PeopleManagementRules.EnsureMayChangeRole(self, self.PersonId, from, to));

        Assert.Contains("your own role", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PersonRole.Owner, PersonRole.Member)]
    [InlineData(PersonRole.Owner, PersonRole.TechnicalAdmin)]
    [InlineData(PersonRole.TechnicalAdmin, PersonRole.Member)]
    public void StepDownIsAllowedGivenTheirOwnLowerRole(PersonRole from, PersonRole to)
    {
        var self = new PersonEditor(Guid.NewGuid(), from);
        PeopleManagementRules.EnsureMayChangeRole(self, self.PersonId, from, to);
    }

    [Theory]
    [InlineData(PersonRole.Executive)]
    [InlineData(PersonRole.Manager)]
    [InlineData(PersonRole.Member)]
    public void ChangesAreRefusedGivenAnEditorWhoDoesNotManagePeople(PersonRole role)
    {
        var editor = new PersonEditor(Guid.NewGuid(), role);
        Assert.Throws<DomainRuleViolationException>(() => PeopleManagementRules.EnsureMayChangeRole(editor, Guid.NewGuid(), PersonRole.Member, PersonRole.Manager));
        Assert.Throws<DomainRuleViolationException>(() => PeopleManagementRules.EnsureMayChangeAccess(editor, PersonRole.Member));
    }

    [Fact]
    public void OnlyAnOwnerChangesAnOwnersAccessGivenATechnicalAdmin()
    {
        Assert.Throws<DomainRuleViolationException>(() => PeopleManagementRules.EnsureMayChangeAccess(TechnicalAdmin, PersonRole.Owner));
        PeopleManagementRules.EnsureMayChangeAccess(TechnicalAdmin, PersonRole.Manager);
        PeopleManagementRules.EnsureMayChangeAccess(Owner, PersonRole.Owner);
    }

    [Fact]
    public void LastOwnerIsKeptGivenNoOtherOwnerLeft()
    {
        Assert.Throws<DomainRuleViolationException>(() => PeopleManagementRules.EnsureAnOwnerRemains(0));
        PeopleManagementRules.EnsureAnOwnerRemains(1);
    }

    [Fact]
    public void OverridesWinAndClearingFallsBackToTheDirectoryGivenLaterSyncs()
    {
        var person = Person.Import(Guid.NewGuid(), "oid-1", new DirectoryProfile("ada@contoso.com", "Ada", "Research", "Analyst", "mgr-1"), ProvisioningState.New, Now);

        person.OverrideProfile("Lead analyst", "Data", "MGR-2", Now);
        person.ApplyDirectoryProfile(new DirectoryProfile("ada@contoso.com", "Ada", "Science", "Analyst", "mgr-3"), Now);

        Assert.Equal(("Lead analyst", "Data", "mgr-2"), (person.JobTitle, person.Department, person.ManagerExternalId));
        Assert.Equal(("Analyst", "Science", "mgr-3"), (person.DirectoryJobTitle, person.DirectoryDepartment, person.DirectoryManagerExternalId));
        person.OverrideProfile(null, " ", null, Now);
        Assert.Equal(("Analyst", "Science", "mgr-3"), (person.JobTitle, person.Department, person.ManagerExternalId));
        Assert.Throws<DomainRuleViolationException>(() => person.OverrideProfile(null, null, "oid-1", Now));
    }

    [Fact]
    public void DeactivationEndsLoginAccessAndBlocksItGivenAnInactivePerson()
    {
        var person = Person.Import(Guid.NewGuid(), "oid-1", new DirectoryProfile("ada@contoso.com", "Ada", null, null, null), ProvisioningState.New, Now);
        person.GrantLoginAccess();

        Assert.True(person.SetActive(false, Now));

        Assert.Equal((PersonStatus.Inactive, false), (person.Status, person.HasLoginAccess));
        Assert.Throws<DomainRuleViolationException>(() => person.SetLoginAccess(true));
        Assert.True(person.SetActive(true, Now));
        Assert.True(person.SetLoginAccess(true));
        person.MarkRemovedFromDirectory(Now);
        Assert.Throws<DomainRuleViolationException>(() => person.SetActive(true, Now));
    }
}
