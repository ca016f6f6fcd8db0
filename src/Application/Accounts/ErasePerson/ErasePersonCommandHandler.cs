using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Audit;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Scores;
using WorkSights.Domain.Audit;
using WorkSights.Domain.People;

namespace WorkSights.Application.Accounts.ErasePerson;

/// <summary>
/// Removes the person's rows and those of every identity linked into them, replaces their names wherever the audit log
/// wrote them, leaves a tombstone of each and records the erasure, all in one transaction; then rebuilds the team and
/// workspace days they counted in. An identity erased on its own, while it is linked into someone, takes with it the
/// items it brought to that person, whose days are then marked for recomputation. The last Owner who can sign in cannot
/// be erased.
/// </summary>
public sealed class ErasePersonCommandHandler(
    IApplicationDbContext db, ITenantContext tenantContext, ICurrentUser currentUser, IOwnedRows ownedRows, IPersonDayRecomputer recomputer, TimeProvider clock)
    : ICommandHandler<ErasePersonCommand, PersonErasure>
{
    /// <summary>How the audit log names someone who was erased.</summary>
    public const string ErasedSubject = "an erased person";

    public async ValueTask<PersonErasure> Handle(ErasePersonCommand command, CancellationToken cancellationToken)
    {
        var tenantId = tenantContext.TenantId ?? throw new NotFoundException("Person");
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == command.PersonId, cancellationToken) ?? throw new NotFoundException("Person");
        var workspace = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantId, cancellationToken);
        if (person.IsOwnerWithAccess)
        {
            PeopleManagementRules.EnsureAnOwnerRemains(await db.People.Where(Person.IsActiveOwner).CountAsync(p => p.Id != person.Id, cancellationToken));
        }

        // Identities linked into the person (a second address, an earlier account) are the same human: they go too.
        var linked = await db.People.AsNoTracking().Where(p => p.LinkedPersonId == person.Id).ToListAsync(cancellationToken);
        var dates = await db.PersonDays.AsNoTracking().Where(d => d.PersonId == person.Id).Select(d => d.Date).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        IReadOnlyList<RemovedRows> removed = [];
        await db.InTransactionAsync(
            async () =>
            {
                var counts = new List<RemovedRows>();
                foreach (var identity in linked.Append(person))
                {
                    counts.AddRange(await ownedRows.RemovePersonAsync(tenantId, workspace.ExternalTenantId, identity.Id, identity.ExternalId, cancellationToken));
                    await ForgetNameInAuditLogAsync(identity, cancellationToken);
                    db.ErasedIdentities.Add(ErasedIdentity.Of(identity, now));
                }

                // The person an erased identity was linked into stays but lost the items it brought: their days follow.
                if (person.LinkedPersonId is { } target)
                {
                    await DirtyDays.MarkEveryDayOfAsync(db, [target], now, cancellationToken);
                }

                removed = counts.GroupBy(c => c.Table).Select(g => new RemovedRows(g.Key, g.Sum(c => c.Count))).Where(t => t.Count > 0).ToList();
                db.AuditEntries.Add(AuditEntry.Record(
                    tenantId, currentUser.AsAuditActor(), now, "person.erased", ErasedSubject, null, $"{removed.Sum(t => t.Count)} records removed; directory id kept so the next sync skips them"));
                await db.SaveChangesAsync(cancellationToken);
            },
            cancellationToken);
        await recomputer.RecomputeGroupDaysAsync(dates, cancellationToken);
        return new PersonErasure(removed);
    }

    /// <summary>
    /// The audit log is never pruned, but it must not keep the name of someone erased: the entries stay, naming them
    /// as an erased person instead.
    /// </summary>
    private async Task ForgetNameInAuditLogAsync(Person person, CancellationToken cancellationToken)
    {
        var names = new[] { person.DisplayName, person.Email };
        await db.AuditEntries.Where(e => names.Contains(e.Subject)).ExecuteUpdateAsync(s => s.SetProperty(e => e.Subject, ErasedSubject), cancellationToken);
        await db.AuditEntries.Where(e => e.Before != null && names.Contains(e.Before)).ExecuteUpdateAsync(s => s.SetProperty(e => e.Before, ErasedSubject), cancellationToken);
        await db.AuditEntries.Where(e => e.After != null && names.Contains(e.After)).ExecuteUpdateAsync(s => s.SetProperty(e => e.After, ErasedSubject), cancellationToken);
    }
}
