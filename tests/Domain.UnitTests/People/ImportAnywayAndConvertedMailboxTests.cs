using WorkSights.Domain.Activities;
using WorkSights.Domain.Common;
using WorkSights.Domain.People;
using static WorkSights.Domain.UnitTests.TestData;

namespace WorkSights.Domain.UnitTests.People;

/// <summary>An identity taken in despite the directory, a mailbox converted after import, and an item's source identity.</summary>
public sealed class ImportAnywayAndConvertedMailboxTests
{
    private static readonly Guid TenantId = Guid.NewGuid();

    private static Person Import(string name) =>
        Person.Import(TenantId, $"oid-{name}", new DirectoryProfile($"{name}@contoso.com", name, null, null, null), ProvisioningState.AlreadyLinked, Now);

    [Theory]
    [InlineData(MailboxPurpose.Shared, NotImportedReason.SharedMailbox)]
    [InlineData(MailboxPurpose.Room, NotImportedReason.Room)]
    [InlineData(MailboxPurpose.Equipment, NotImportedReason.Equipment)]
    public void MailboxIsFlaggedOnceWithTheDateGivenItBecameNoPersons(MailboxPurpose purpose, NotImportedReason reason)
    {
        var person = Import("ada");

        Assert.True(person.NoteMailboxPurpose(purpose, Now.AddDays(3)));
        Assert.False(person.NoteMailboxPurpose(purpose, Now.AddDays(4)));

        Assert.Equal((reason, (DateTimeOffset?)Now.AddDays(3), true), (person.MailboxConvertedTo, person.MailboxConvertedAt, person.AwaitsMailboxDecision));
    }

    [Theory]
    [InlineData(MailboxPurpose.Person)]
    [InlineData(MailboxPurpose.Other)]
    [InlineData(MailboxPurpose.Unknown)]
    public void NothingIsFlaggedGivenAPersonsOrUnknownPurpose(MailboxPurpose purpose)
    {
        var person = Import("ada");

        Assert.False(person.NoteMailboxPurpose(purpose, Now));
        Assert.Null(person.MailboxConvertedTo);
    }

    [Fact]
    public void FlagNobodyDecidedOnIsClearedGivenTheMailboxIsAPersonsAgain()
    {
        var person = Import("ada");
        person.NoteMailboxPurpose(MailboxPurpose.Shared, Now);

        Assert.True(person.NoteMailboxPurpose(MailboxPurpose.Person, Now.AddDays(1)));

        Assert.Equal(((NotImportedReason?)null, (DateTimeOffset?)null, false), (person.MailboxConvertedTo, person.MailboxConvertedAt, person.AwaitsMailboxDecision));
    }

    [Fact]
    public void NothingIsFlaggedGivenAnIdentityImportedAnywayOrAnInactivePerson()
    {
        var shared = Import("support");
        shared.ImportAnyway(NotImportedReason.SharedMailbox, Now);
        var inactive = Import("leo");
        inactive.SetActive(false, Now);

        Assert.False(shared.NoteMailboxPurpose(MailboxPurpose.Shared, Now));
        Assert.False(inactive.NoteMailboxPurpose(MailboxPurpose.Room, Now));
        Assert.Null(shared.MailboxConvertedTo);
    }

    [Fact]
    public void KeepingMakesTheConversionTheReasonItIsImportedAnywayAndStoppingDeactivatesWithoutLogin()
    {
        var kept = Import("ada");
        var stopped = Import("bo");
        stopped.GrantLoginAccess();
        kept.NoteMailboxPurpose(MailboxPurpose.Room, Now);
        stopped.NoteMailboxPurpose(MailboxPurpose.Shared, Now);

        kept.DecideOnConvertedMailbox(keepReporting: true, Now.AddHours(1));
        stopped.DecideOnConvertedMailbox(keepReporting: false, Now.AddHours(1));

        Assert.Equal((NotImportedReason.Room, PersonStatus.Active, false), (kept.ImportedDespite!.Value, kept.Status, kept.AwaitsMailboxDecision));
        Assert.Equal((PersonStatus.Inactive, false, (NotImportedReason?)NotImportedReason.SharedMailbox), (stopped.Status, stopped.HasLoginAccess, stopped.MailboxConvertedTo));
        Assert.Throws<DomainRuleViolationException>(() => kept.DecideOnConvertedMailbox(false, Now));
        Assert.Throws<DomainRuleViolationException>(() => Import("cy").DecideOnConvertedMailbox(true, Now));
    }

    [Fact]
    public void ImportAnywayBringsBackAPersonWhoLeftAsAGuest()
    {
        var person = Import("ada");
        person.MarkRemovedFromDirectory(Now);

        person.ImportAnyway(NotImportedReason.Guest, Now.AddDays(1));

        Assert.Equal((PersonStatus.Active, (NotImportedReason?)NotImportedReason.Guest), (person.Status, person.ImportedDespite));
        Assert.Throws<DomainRuleViolationException>(() => person.ImportAnyway((NotImportedReason)99, Now));
    }

    [Fact]
    public void ItemNamesItsSourceIdentityOnlyGivenOneOtherThanItsPerson()
    {
        var person = Guid.NewGuid();
        var identity = Guid.NewGuid();
        var record = new ActivityRecord(TenantId, person, ActivityKind.EmailSent, ActivitySource.Outlook, Now, CreditingRules.SentEmail, "Hi", 1, false, "m-1");

        Assert.Equal(identity, Activity.Record(record with { SourcePersonId = identity }, Now).SourcePersonId);
        Assert.Null(Activity.Record(record with { SourcePersonId = person }, Now).SourcePersonId);
        Assert.Null(Activity.Record(record, Now).SourcePersonId);
    }
}
