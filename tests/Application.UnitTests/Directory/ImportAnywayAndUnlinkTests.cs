using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Directory.DecideConvertedMailbox;
using WorkSights.Application.Directory.ImportAnyway;
using WorkSights.Application.Directory.ReviewProvisioning;
using WorkSights.Application.Directory.UndoImportAnyway;
using WorkSights.Application.UnitTests.Reporting;
using WorkSights.Application.UnitTests.Support;
using WorkSights.Domain.Activities;
using WorkSights.Domain.Common;
using WorkSights.Domain.People;
using WorkSights.Infrastructure.Persistence;

namespace WorkSights.Application.UnitTests.Directory;

/// <summary>
/// The User Provisioning review's remaining decisions: "Import anyway" on a Not imported identity and its undo, a Link
/// taken back (its activity goes back to the identity), and the choice on a mailbox that became shared.
/// </summary>
public sealed class ImportAnywayAndUnlinkTests : IAsyncLifetime
{
    private ReportingWorkspace workspace = null!;
    private Person owner = null!;

    public async Task InitializeAsync()
    {
        workspace = await ReportingWorkspace.CreateAsync();
        owner = await workspace.Database.AddPersonAsync(workspace.Ceo.TenantId, "ada", "ada@contoso.com", ProvisioningState.AlreadyLinked, p => p.MakeOwner());
    }

    public Task DisposeAsync()
    {
        workspace.Dispose();
        return Task.CompletedTask;
    }

    private Guid TenantId => workspace.Ceo.TenantId;

    private FakeCurrentUser Owner => new(owner.Role, owner.Id);

    private Task<T> ReadAsync<T>(Func<ApplicationDbContext, Task<T>> read) => workspace.InWorkspaceAsync(TenantId, read);

    private Task<Guid> ImportAnywayAsync(Guid identityId) =>
        ReadAsync(db => new ImportAnywayCommandHandler(db, workspace.Database.TenantContext, Owner, workspace.Database.Clock)
            .Handle(new ImportAnywayCommand(identityId), CancellationToken.None).AsTask());

    private Task UndoAsync(Guid personId, RecordingRecomputer? recomputer = null, Person? editor = null) =>
        ReadAsync(db => new UndoImportAnywayCommandHandler(
                db, workspace.Database.TenantContext, new FakeCurrentUser((editor ?? owner).Role, (editor ?? owner).Id), new ModelOwnedRows(db), recomputer ?? new RecordingRecomputer(), workspace.Database.Clock)
            .Handle(new UndoImportAnywayCommand(personId), CancellationToken.None).AsTask());

    private Task<int> ReviewAsync(ReviewProvisioningCommand command) =>
        ReadAsync(db => new ReviewProvisioningCommandHandler(db, workspace.Database.TenantContext, Owner, workspace.Database.Clock)
            .Handle(command, CancellationToken.None).AsTask());

    private Task DecideAsync(Guid personId, bool keep) =>
        ReadAsync(db => new DecideConvertedMailboxCommandHandler(db, workspace.Database.TenantContext, Owner, workspace.Database.Clock)
            .Handle(new DecideConvertedMailboxCommand(personId, keep), CancellationToken.None).AsTask());

    private async Task<NotImportedIdentity> NotImportedAsync(string externalId, string email, NotImportedReason reason)
    {
        var identity = NotImportedIdentity.Record(TenantId, externalId, email, "Contoso Support", reason, workspace.Database.Clock.GetUtcNow());
        await workspace.InWorkspaceAsync(TenantId, db =>
        {
            db.NotImportedIdentities.Add(identity);
            return Task.CompletedTask;
        });
        return identity;
    }

    private async Task AddMailAsync(Guid personId, string externalId, DateTimeOffset at)
    {
        var item = Activity.Record(new ActivityRecord(TenantId, personId, ActivityKind.EmailSent, ActivitySource.Outlook, at, CreditingRules.SentEmail, "Plan", 1, false, externalId), at);
        await workspace.InWorkspaceAsync(TenantId, db =>
        {
            db.Activities.Add(item);
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task ImportAnywayMakesANewPersonRemembersTheReasonAndAuditsWhoWhenAndWhat()
    {
        var support = await NotImportedAsync("support-oid", "support@contoso.com", NotImportedReason.SharedMailbox);

        var personId = await ImportAnywayAsync(support.Id);

        var person = await ReadAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == personId));
        Assert.Equal(("support-oid", ProvisioningState.New, PersonStatus.Active, NotImportedReason.SharedMailbox), (person.ExternalId, person.ProvisioningState, person.Status, person.ImportedDespite));
        Assert.False(person.HasLoginAccess);
        Assert.Equal(0, await ReadAsync(db => db.NotImportedIdentities.CountAsync()));
        var entry = await ReadAsync(db => db.AuditEntries.SingleAsync(e => e.Action == "person.imported-anyway"));
        Assert.Equal(
            ("Contoso Support", "Not imported: a shared mailbox (support@contoso.com)", "Imported anyway as New", owner.Id, workspace.Database.Clock.GetUtcNow()),
            (entry.Subject, entry.Before, entry.After, entry.ByPersonId, entry.At));
    }

    [Fact]
    public async Task ImportAnywayTakesBackThePersonKeptFromBeforeGivenSomeoneWhoBecameAGuest()
    {
        var former = await workspace.Database.AddPersonAsync(TenantId, "lena-oid", "lena@contoso.com", ProvisioningState.AlreadyLinked, p => p.MarkRemovedFromDirectory(workspace.Database.Clock.GetUtcNow()));
        var guest = await NotImportedAsync("lena-oid", "lena@partner.example", NotImportedReason.Guest);

        var personId = await ImportAnywayAsync(guest.Id);

        Assert.Equal(former.Id, personId);
        var person = await ReadAsync(db => db.People.AsNoTracking().SingleAsync(p => p.ExternalId == "lena-oid"));
        Assert.Equal((PersonStatus.Active, ProvisioningState.AlreadyLinked, NotImportedReason.Guest), (person.Status, person.ProvisioningState, person.ImportedDespite));
    }

    [Fact]
    public async Task UndoRemovesThePersonAndTheirActivityListsThemNotImportedAgainAndAudits()
    {
        var support = await NotImportedAsync("support-oid", "support@contoso.com", NotImportedReason.SharedMailbox);
        var personId = await ImportAnywayAsync(support.Id);
        await AddMailAsync(personId, "mail-1", ReportingWorkspace.At(10));
        var person = await ReadAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == personId));
        await workspace.ComputeDayAsync(person);
        var recomputer = new RecordingRecomputer();

        await UndoAsync(personId, recomputer);

        Assert.False(await ReadAsync(db => db.People.AnyAsync(p => p.Id == personId)));
        Assert.Equal((0, 0), (await ReadAsync(db => db.Activities.CountAsync(a => a.PersonId == personId)), await ReadAsync(db => db.PersonDays.CountAsync(d => d.PersonId == personId))));
        var back = await ReadAsync(db => db.NotImportedIdentities.AsNoTracking().SingleAsync());
        Assert.Equal(("support-oid", "support@contoso.com", NotImportedReason.SharedMailbox), (back.ExternalId, back.Email, back.Reason));
        Assert.Equal([ReportingWorkspace.Day], recomputer.GroupDates);
        var entry = await ReadAsync(db => db.AuditEntries.SingleAsync(e => e.Action == "person.imported-anyway.undone"));
        Assert.Equal(("Contoso Support", "Imported anyway", owner.Id), (entry.Subject, entry.Before, entry.ByPersonId));
        Assert.Contains("activity removed", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UndoOfAnIdentityLinkedIntoSomeoneRemovesOnlyWhatItBroughtAndMarksTheirDays()
    {
        var guest = await NotImportedAsync("zoe-guest-oid", "zoe@partner.example", NotImportedReason.Guest);
        var personId = await ImportAnywayAsync(guest.Id);
        await AddMailAsync(personId, "guest-1", ReportingWorkspace.At(9));
        await AddMailAsync(workspace.Zoe.Id, "zoe-1", ReportingWorkspace.At(10));
        await ReviewAsync(new ReviewProvisioningCommand([personId], null, ProvisioningState.Link, workspace.Zoe.Email));
        await ReadAsync(db => db.DirtyPersonDays.ExecuteDeleteAsync());

        await UndoAsync(personId);

        Assert.Equal(["zoe-1"], await ReadAsync(db => db.Activities.Where(a => a.PersonId == workspace.Zoe.Id).Select(a => a.ExternalId).ToListAsync()));
        Assert.False(await ReadAsync(db => db.People.AnyAsync(p => p.Id == personId)));
        Assert.True(await ReadAsync(db => db.DirtyPersonDays.AnyAsync(d => d.PersonId == workspace.Zoe.Id && d.Date == ReportingWorkspace.Day)));
        Assert.Equal(NotImportedReason.Guest, (await ReadAsync(db => db.NotImportedIdentities.SingleAsync())).Reason);
    }

    [Fact]
    public async Task UndoIsRefusedGivenSomeoneTheDirectoryImportedItselfOrYourself()
    {
        var refused = await Assert.ThrowsAsync<DomainRuleViolationException>(() => UndoAsync(workspace.Tom.Id));
        Assert.Contains("block them instead", refused.Message, StringComparison.Ordinal);

        var guest = await NotImportedAsync("guest-oid", "guest@partner.example", NotImportedReason.Guest);
        var personId = await ImportAnywayAsync(guest.Id);
        await ReadAsync(async db =>
        {
            var person = await db.People.SingleAsync(p => p.Id == personId);
            person.GrantLoginAccess();
            person.AssignRole(PersonRole.TechnicalAdmin);
            return true;
        });
        var self = await ReadAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == personId));
        await Assert.ThrowsAsync<DomainRuleViolationException>(() => UndoAsync(personId, editor: self));
        Assert.True(await ReadAsync(db => db.People.AnyAsync(p => p.Id == personId)));
    }

    [Fact]
    public async Task BackToNewMovesTheLinkedActivityBackAndMarksBothPersonsDaysGivenALinkedIdentity()
    {
        var secondAddress = await workspace.Database.AddPersonAsync(TenantId, "zoe-old", "zoe@zoe-old.example", ProvisioningState.Link);
        await AddMailAsync(secondAddress.Id, "old-1", ReportingWorkspace.At(9));
        await AddMailAsync(secondAddress.Id, "old-2", ReportingWorkspace.At(11));
        await AddMailAsync(workspace.Zoe.Id, "zoe-1", ReportingWorkspace.At(10));
        await ReviewAsync(new ReviewProvisioningCommand([secondAddress.Id], null, ProvisioningState.Link, workspace.Zoe.Email));
        Assert.Equal(3, await ReadAsync(db => db.Activities.CountAsync(a => a.PersonId == workspace.Zoe.Id)));
        Assert.Equal(2, await ReadAsync(db => db.Activities.CountAsync(a => a.SourcePersonId == secondAddress.Id)));
        var total = await ReadAsync(db => db.Activities.CountAsync());
        await ReadAsync(db => db.DirtyPersonDays.ExecuteDeleteAsync());

        var changed = await ReviewAsync(new ReviewProvisioningCommand([secondAddress.Id], null, ProvisioningState.New));

        Assert.Equal(1, changed);
        Assert.Equal(["old-1", "old-2"], await ReadAsync(db => db.Activities.Where(a => a.PersonId == secondAddress.Id).Select(a => a.ExternalId).OrderBy(e => e).ToListAsync()));
        Assert.Equal(["zoe-1"], await ReadAsync(db => db.Activities.Where(a => a.PersonId == workspace.Zoe.Id).Select(a => a.ExternalId).ToListAsync()));
        Assert.Equal(total, await ReadAsync(db => db.Activities.CountAsync()));
        Assert.Equal(0, await ReadAsync(db => db.Activities.CountAsync(a => a.SourcePersonId != null)));
        Assert.True(await ReadAsync(db => db.DirtyPersonDays.AnyAsync(d => d.PersonId == workspace.Zoe.Id && d.Date == ReportingWorkspace.Day)));
        Assert.True(await ReadAsync(db => db.DirtyPersonDays.AnyAsync(d => d.PersonId == secondAddress.Id && d.Date == ReportingWorkspace.Day)));
        var entries = await ReadAsync(db => db.AuditEntries.Where(e => e.Action == "person.provisioning.changed").Select(e => new { e.Before, e.After }).ToListAsync());
        Assert.Contains(($"Linked to {workspace.Zoe.DisplayName}", "New"), entries.Select(e => (e.Before, e.After)));
    }

    [Fact]
    public async Task BlockingALinkedIdentityRemovesOnlyWhatItBroughtToItsTarget()
    {
        var secondAddress = await workspace.Database.AddPersonAsync(TenantId, "zoe-old", "zoe@zoe-old.example", ProvisioningState.Link);
        await AddMailAsync(secondAddress.Id, "old-1", ReportingWorkspace.At(9));
        await AddMailAsync(workspace.Zoe.Id, "zoe-1", ReportingWorkspace.At(10));
        await ReviewAsync(new ReviewProvisioningCommand([secondAddress.Id], null, ProvisioningState.Link, workspace.Zoe.Email));
        await ReadAsync(db => db.DirtyPersonDays.ExecuteDeleteAsync());

        await ReviewAsync(new ReviewProvisioningCommand([secondAddress.Id], null, ProvisioningState.Blocked));

        Assert.Equal(["zoe-1"], await ReadAsync(db => db.Activities.Select(a => a.ExternalId).Where(e => e != null && (e == "zoe-1" || e == "old-1")).ToListAsync()));
        Assert.True(await ReadAsync(db => db.DirtyPersonDays.AnyAsync(d => d.PersonId == workspace.Zoe.Id && d.Date == ReportingWorkspace.Day)));
    }

    [Fact]
    public async Task RelinkingElsewhereMovesTheItemsFromTheFirstTargetToTheSecond()
    {
        var secondAddress = await workspace.Database.AddPersonAsync(TenantId, "zoe-old", "zoe@zoe-old.example", ProvisioningState.Link);
        await AddMailAsync(secondAddress.Id, "old-1", ReportingWorkspace.At(9));
        await ReviewAsync(new ReviewProvisioningCommand([secondAddress.Id], null, ProvisioningState.Link, workspace.Zoe.Email));

        await ReviewAsync(new ReviewProvisioningCommand([secondAddress.Id], null, ProvisioningState.Link, workspace.Tom.Email));

        var item = await ReadAsync(db => db.Activities.AsNoTracking().SingleAsync(a => a.ExternalId == "old-1"));
        Assert.Equal((workspace.Tom.Id, secondAddress.Id), (item.PersonId, item.SourcePersonId));
    }

    [Fact]
    public async Task KeepingAConvertedMailboxKeepsItReportedAndStoppingDeactivatesItWithItsHistory()
    {
        var now = workspace.Database.Clock.GetUtcNow();
        await ReadAsync(async db =>
        {
            foreach (var person in await db.People.Where(p => p.Id == workspace.Tom.Id || p.Id == workspace.Zoe.Id).ToListAsync())
            {
                Assert.True(person.NoteMailboxPurpose(MailboxPurpose.Shared, now));
            }

            return true;
        });
        await AddMailAsync(workspace.Zoe.Id, "zoe-1", ReportingWorkspace.At(10));

        await DecideAsync(workspace.Tom.Id, keep: true);
        await DecideAsync(workspace.Zoe.Id, keep: false);

        var tom = await ReadAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == workspace.Tom.Id));
        var zoe = await ReadAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == workspace.Zoe.Id));
        Assert.Equal((PersonStatus.Active, NotImportedReason.SharedMailbox, false), (tom.Status, tom.ImportedDespite, tom.AwaitsMailboxDecision));
        Assert.Equal((PersonStatus.Inactive, false, false), (zoe.Status, zoe.HasLoginAccess, zoe.AwaitsMailboxDecision));
        Assert.Equal(1, await ReadAsync(db => db.Activities.CountAsync(a => a.PersonId == zoe.Id)));
        var entries = await ReadAsync(db => db.AuditEntries.Where(e => e.Action == "person.mailbox-conversion.decided").OrderBy(e => e.Subject).Select(e => new { e.Subject, e.Before, e.After }).ToListAsync());
        Assert.Equal(
            [("Tom", "Became a shared mailbox on 2 Mar 2026", "Still reported"), ("Zoe", "Became a shared mailbox on 2 Mar 2026", "Deactivated: no longer read nor reported, history kept")],
            entries.Select(e => (e.Subject, e.Before!, e.After!)));
        await Assert.ThrowsAsync<DomainRuleViolationException>(() => DecideAsync(workspace.Tom.Id, keep: false));
    }

    [Fact]
    public async Task TheNewRequestsReachOnlyOwnersAndTechnicalAdmins()
    {
        foreach (var role in new[] { PersonRole.Member, PersonRole.Manager, PersonRole.Executive })
        {
            Assert.False(await AuthorizationProbe.ReachesHandlerAsync<ImportAnywayCommand, Guid>(role, new ImportAnywayCommand(Guid.NewGuid())));
            Assert.False(await AuthorizationProbe.ReachesHandlerAsync<UndoImportAnywayCommand, Mediator.Unit>(role, new UndoImportAnywayCommand(Guid.NewGuid())));
            Assert.False(await AuthorizationProbe.ReachesHandlerAsync<DecideConvertedMailboxCommand, Mediator.Unit>(role, new DecideConvertedMailboxCommand(Guid.NewGuid(), true)));
        }

        Assert.True(await AuthorizationProbe.ReachesHandlerAsync<ImportAnywayCommand, Guid>(PersonRole.TechnicalAdmin, new ImportAnywayCommand(Guid.NewGuid())));
        Assert.True(await AuthorizationProbe.ReachesHandlerAsync<DecideConvertedMailboxCommand, Mediator.Unit>(PersonRole.TechnicalAdmin, new DecideConvertedMailboxCommand(Guid.NewGuid(), true)));
    }
}
