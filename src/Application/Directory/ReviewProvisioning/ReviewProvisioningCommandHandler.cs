using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Audit;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Scores;
using WorkSights.Domain.Audit;
using WorkSights.Domain.Common;
using WorkSights.Domain.People;

namespace WorkSights.Application.Directory.ReviewProvisioning;

/// <summary>
/// Applies the decision person by person (the domain's rules hold for each), then, in the same transaction as the audit
/// rows: an identity leaving a link takes back the items it brought to the person it was linked into; a Blocked
/// identity's activity is deleted; a Linked identity's activity moves to its target, each item noting whose it was. Their days are marked
/// for recomputation once that has committed, so the read models follow.
/// </summary>
public sealed class ReviewProvisioningCommandHandler(IApplicationDbContext db, ITenantContext tenant, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ReviewProvisioningCommand, int>
{
    public async ValueTask<int> Handle(ReviewProvisioningCommand command, CancellationToken cancellationToken)
    {
        var editor = PersonEditors.Current(currentUser);
        if (editor.Role is not (PersonRole.Owner or PersonRole.TechnicalAdmin))
        {
            throw new ForbiddenAccessException("Only Owners and Technical Admins review provisioning.");
        }
        var tenantId = tenant.TenantId ?? throw new NotFoundException("Workspace");
        var people = await Selected(command).ToListAsync(cancellationToken);
        if (command.AllMatching is null && people.Count < command.PersonIds.Distinct().Count())
        {
            throw new NotFoundException("Person");
        }

        var target = command.State == ProvisioningState.Link ? await LinkTargetAsync(command.LinkTargetEmail!, cancellationToken) : null;
        var toChange = people.Where(p => p.ProvisioningState != command.State || p.LinkedPersonId != target?.Id).ToList();
        await EnsureMayChangeAsync(editor, toChange, command.State, target, cancellationToken);

        var earlierTargetIds = toChange.Select(p => p.LinkedPersonId).OfType<Guid>().Distinct().ToList();

        // An identity leaving its link (back to New, Blocked, or linked elsewhere) first takes back what it brought.
        var unlinked = toChange.Where(p => p.LinkedPersonId is { } earlier && earlier != target?.Id)
            .Select(p => (IdentityId: p.Id, EarlierTargetId: p.LinkedPersonId!.Value)).ToList();
        var earlierTargets = await db.People.AsNoTracking().Where(p => earlierTargetIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);
        var now = clock.GetUtcNow();
        var entries = new List<AuditEntry>();
        foreach (var person in toChange)
        {
            var before = Describe(person.ProvisioningState, person.LinkedPersonId is { } earlier ? earlierTargets.GetValueOrDefault(earlier) : null);
            if (person.Review(command.State, target, now))
            {
                entries.Add(AuditEntry.Record(tenantId, currentUser.AsAuditActor(), now, "person.provisioning.changed", person.DisplayName, before, Describe(command.State, target?.DisplayName)));
            }
        }

        var changedIds = toChange.Select(p => p.Id).ToList();
        var moved = target is null ? null : await ActivityRangeAsync(changedIds, cancellationToken);
        await db.InTransactionAsync(
            async () =>
            {
                db.AuditEntries.AddRange(entries);
                await db.SaveChangesAsync(cancellationToken);
                await MoveActivityBackAsync(unlinked, cancellationToken);
                if (command.State == ProvisioningState.Blocked)
                {
                    await RemoveActivityAsync(changedIds, cancellationToken);
                }
                else if (target is not null)
                {
                    await MoveActivityAsync(changedIds, target.Id, cancellationToken);
                }
            },
            cancellationToken);

        if (command.State != ProvisioningState.New && changedIds.Count > 0)
        {
            await DirtyDays.MarkEveryDayOfAsync(db, target is null ? changedIds : [.. changedIds, target.Id], now, cancellationToken);
            if (target is not null && moved is { } range)
            {
                db.MarkDaysDirty(target.Id, range.From, range.To);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        if (unlinked.Count > 0)
        {
            // The persons they were linked into lose those days' items; an identity back to New gets days of its own again.
            var involved = unlinked.Select(u => u.EarlierTargetId).Concat(unlinked.Select(u => u.IdentityId)).Append(target?.Id ?? Guid.Empty)
                .Where(id => id != Guid.Empty).Distinct().ToList();
            await DirtyDays.MarkEveryDayOfAsync(db, involved, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return entries.Count;
    }

    private async Task<Person> LinkTargetAsync(string email, CancellationToken cancellationToken)
    {
        var address = email.Trim().ToLowerInvariant();
        return await db.People.Where(p => p.Email == address && p.Status != PersonStatus.Removed)
                .OrderBy(p => p.ProvisioningState == ProvisioningState.Link).FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainRuleViolationException($"Nobody in the directory has the e-mail {address}.");
    }

    private IQueryable<Person> Selected(ReviewProvisioningCommand command)
    {
        var current = db.People.Where(p => p.Status != PersonStatus.Removed);
        if (command.AllMatching is not { } filter)
        {
            var ids = command.PersonIds;
            return current.Where(p => ids.Contains(p.Id));
        }

        if (filter.State is { } state)
        {
            current = current.Where(p => p.ProvisioningState == state);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim().ToLowerInvariant();
            current = current.Where(p => p.DisplayName.ToLower().Contains(term) || p.Email.Contains(term));
        }

        return current;
    }

    private async Task EnsureMayChangeAsync(PersonEditor editor, List<Person> toChange, ProvisioningState state, Person? target, CancellationToken cancellationToken)
    {
        if (target is not null && toChange.Any(p => p.Id == target.Id))
        {
            throw new DomainRuleViolationException($"{target.DisplayName} is the person to link to: leave them out of the selection.");
        }

        if (state == ProvisioningState.New)
        {
            return;
        }

        if (toChange.Any(p => p.Id == editor.PersonId))
        {
            throw new DomainRuleViolationException("You cannot block or link your own identity: leave yourself out of the selection.");
        }

        var losingOwners = toChange.Count(p => p.IsOwnerWithAccess);
        if (losingOwners > 0)
        {
            PeopleManagementRules.EnsureMayChangeAccess(editor, PersonRole.Owner);
            PeopleManagementRules.EnsureAnOwnerRemains(await db.People.Where(Person.IsActiveOwner).CountAsync(cancellationToken) - losingOwners);
        }

        var ids = toChange.Select(p => p.Id).ToList();
        var mergedIntoThem = await db.People.Where(p => p.LinkedPersonId != null && ids.Contains(p.LinkedPersonId.Value) && !ids.Contains(p.Id))
            .Select(p => p.DisplayName).FirstOrDefaultAsync(cancellationToken);
        if (mergedIntoThem is not null)
        {
            throw new DomainRuleViolationException($"{mergedIntoThem} is linked to someone selected: link it elsewhere or include it in the selection first.");
        }
    }

    private async Task RemoveActivityAsync(List<Guid> blocked, CancellationToken cancellationToken)
    {
        await db.ActivityCorrections.Where(c => blocked.Contains(c.PersonId)).ExecuteDeleteAsync(cancellationToken);
        await db.Activities.Where(a => blocked.Contains(a.PersonId)).ExecuteDeleteAsync(cancellationToken);
        await db.PersonDayLocations.Where(l => blocked.Contains(l.PersonId)).ExecuteDeleteAsync(cancellationToken);
        await db.PersonDays.Where(d => blocked.Contains(d.PersonId)).ExecuteDeleteAsync(cancellationToken);

        // Unblocked later, they are read afresh with the whole backfill instead of from where the reads stopped.
        await db.SyncCheckpoints.Where(c => blocked.Contains(c.PersonId)).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Items an identity brought into the person it was linked to (read for it, or moved with it when it was linked) go back
    /// to the identity. Items the target already held when it was linked were kept once, as the target's, and stay so.
    /// </summary>
    private async Task MoveActivityBackAsync(List<(Guid IdentityId, Guid EarlierTargetId)> unlinked, CancellationToken cancellationToken)
    {
        foreach (var (identityId, earlierTargetId) in unlinked)
        {
            await db.Activities.Where(a => a.PersonId == earlierTargetId && a.SourcePersonId == identityId)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.PersonId, identityId).SetProperty(a => a.SourcePersonId, (Guid?)null), cancellationToken);
        }
    }

    /// <summary>
    /// Items the target already holds (a meeting both addresses attended) are kept once, as the target's; identity by
    /// identity, so that two linked identities holding the same item move it once.
    /// </summary>
    private async Task MoveActivityAsync(List<Guid> linked, Guid targetId, CancellationToken cancellationToken)
    {
        foreach (var personId in linked)
        {
            var targets = db.Activities.Where(t => t.PersonId == targetId);
            await db.Activities
                .Where(a => a.PersonId == personId && targets.Any(t => t.Source == a.Source && t.ExternalId == a.ExternalId))
                .ExecuteDeleteAsync(cancellationToken);
            await db.Activities.Where(a => a.PersonId == personId)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.PersonId, targetId).SetProperty(a => a.SourcePersonId, personId), cancellationToken);
        }

        await db.PersonDayLocations.Where(l => linked.Contains(l.PersonId)).ExecuteDeleteAsync(cancellationToken);
        await db.PersonDays.Where(d => linked.Contains(d.PersonId)).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<(DateOnly From, DateOnly To)?> ActivityRangeAsync(List<Guid> personIds, CancellationToken cancellationToken)
    {
        var range = await db.Activities.Where(a => personIds.Contains(a.PersonId))
            .GroupBy(a => 1)
            .Select(g => new { First = g.Min(a => a.OccurredAt), Last = g.Max(a => a.OccurredAt) })
            .FirstOrDefaultAsync(cancellationToken);
        return range is null
            ? null
            : (DateOnly.FromDateTime(range.First.UtcDateTime).AddDays(-1), DateOnly.FromDateTime((range.Last + StoredActivity.LongestReach).UtcDateTime).AddDays(1));
    }

    private static string Describe(ProvisioningState state, string? linkedTo) => state switch
    {
        ProvisioningState.New => "New",
        ProvisioningState.Blocked => "Blocked",
        ProvisioningState.AlreadyLinked => "Already linked",
        _ => linkedTo is null ? "Link" : $"Linked to {linkedTo}",
    };
}
