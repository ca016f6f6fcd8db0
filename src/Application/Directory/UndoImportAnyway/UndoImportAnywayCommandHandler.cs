using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Audit;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Scores;
using WorkSights.Domain.Audit;
using WorkSights.Domain.Common;
using WorkSights.Domain.People;

namespace WorkSights.Application.Directory.UndoImportAnyway;

/// <summary>
/// Only an identity taken in with "Import anyway" goes back (a mailbox that became shared is stopped, not undone). In one
/// transaction: the items it brought to a person it was linked into are deleted, its own rows and the person are removed,
/// the Not imported record comes back and the audit row is written; then the days they counted in are recomputed.
/// Nobody sends themselves back, nor the last Owner who can sign in.
/// </summary>
public sealed class UndoImportAnywayCommandHandler(
    IApplicationDbContext db, ITenantContext tenant, ICurrentUser currentUser, IOwnedRows ownedRows, IPersonDayRecomputer recomputer, TimeProvider clock)
    : ICommandHandler<UndoImportAnywayCommand>
{
    public async ValueTask<Unit> Handle(UndoImportAnywayCommand command, CancellationToken cancellationToken)
    {
        var editor = PersonEditors.Current(currentUser);
        var tenantId = tenant.TenantId ?? throw new NotFoundException("Workspace");
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == command.PersonId, cancellationToken) ?? throw new NotFoundException("Person");
        if (person.ImportedDespite is not { } reason || person.MailboxConvertedTo is not null)
        {
            throw new DomainRuleViolationException($"{person.DisplayName} was not taken in with Import anyway: block them instead.");
        }

        if (person.Id == editor.PersonId)
        {
            throw new DomainRuleViolationException("You cannot send your own identity back to Not imported.");
        }

        if (person.IsOwnerWithAccess)
        {
            PeopleManagementRules.EnsureMayChangeAccess(editor, PersonRole.Owner);
            PeopleManagementRules.EnsureAnOwnerRemains(await db.People.Where(Person.IsActiveOwner).CountAsync(p => p.Id != person.Id, cancellationToken));
        }

        if (await db.People.Where(p => p.LinkedPersonId == person.Id).Select(p => p.DisplayName).FirstOrDefaultAsync(cancellationToken) is { } linked)
        {
            throw new DomainRuleViolationException($"{linked} is linked to {person.DisplayName}: link it elsewhere first.");
        }

        var workspace = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantId, cancellationToken);
        var dates = await db.PersonDays.AsNoTracking().Where(d => d.PersonId == person.Id).Select(d => d.Date).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await db.InTransactionAsync(
            async () =>
            {
                // Also takes what a linked identity brought to the person it is linked into; their own items stay.
                await ownedRows.RemovePersonAsync(tenantId, workspace.ExternalTenantId, person.Id, person.ExternalId, cancellationToken);
                db.NotImportedIdentities.Add(NotImportedIdentity.Record(tenantId, person.ExternalId, person.Email, person.DisplayName, reason, now));
                db.AuditEntries.Add(AuditEntry.Record(
                    tenantId,
                    currentUser.AsAuditActor(),
                    now,
                    "person.imported-anyway.undone",
                    person.DisplayName,
                    "Imported anyway",
                    $"Not imported: {ConvertedMailboxes.Words(reason)} ({person.Email}); its activity removed"));
                await db.SaveChangesAsync(cancellationToken);
            },
            cancellationToken);

        if (person.LinkedPersonId is { } linkedInto)
        {
            await DirtyDays.MarkEveryDayAsync(db, linkedInto, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        await recomputer.RecomputeGroupDaysAsync(dates, cancellationToken);
        return Unit.Value;
    }
}
