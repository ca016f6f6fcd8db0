using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Audit;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Scores;
using WorkSights.Domain.Audit;
using WorkSights.Domain.Common;
using WorkSights.Domain.People;
using WorkSights.Domain.Schedules;

namespace WorkSights.Application.Directory.ChangePeople;

/// <summary>
/// Set-based: the rules are checked with a few counting queries over the selection (each distinct current role is checked
/// once, as a single change would be), the values read once for the audit, and one <c>ExecuteUpdate</c> changes them
/// all, in one transaction with the audit rows. 5,000 people are a handful of statements, not 5,000.
/// </summary>
public sealed class ChangePeopleCommandHandler(IApplicationDbContext db, ITenantContext tenant, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ChangePeopleCommand, int>
{
    private readonly List<AuditEntry> entries = [];

    /// <summary>People whose days the change leaves out of date, marked once the change has committed.</summary>
    private IReadOnlyCollection<Guid> markAfterwards = [];

    public async ValueTask<int> Handle(ChangePeopleCommand command, CancellationToken cancellationToken)
    {
        var editor = PersonEditors.Current(currentUser);
        PeopleManagementRules.EnsureManagesPeople(editor);
        var tenantId = tenant.TenantId ?? throw new NotFoundException("Workspace");
        var ids = command.PersonIds;
        var selected = command.AllMatching is { } filter
            ? db.People.Matching(filter, db)
            : db.People.Where(p => ids.Contains(p.Id) && p.Status != PersonStatus.Removed);
        var now = clock.GetUtcNow();
        var change = command.Change;
        Func<Task<int>> update = change.Kind switch
        {
            PeopleChangeKind.Role => await RoleAsync(editor, tenantId, selected, change.Role!.Value, now, cancellationToken),
            PeopleChangeKind.LoginAccess => await LoginAccessAsync(editor, tenantId, selected, change.LoginAccess!.Value, now, cancellationToken),
            PeopleChangeKind.Team => await TeamAsync(editor, tenantId, selected, Blank(change.Team), now, cancellationToken),
            PeopleChangeKind.Manager => await ManagerAsync(editor, tenantId, selected, Blank(change.ManagerEmail), now, cancellationToken),
            _ => await ScheduleAsync(editor, tenantId, selected, change.NamedScheduleId, now, cancellationToken),
        };

        var changed = 0;
        await db.InTransactionAsync(
            async () =>
            {
                changed = await update();
                db.AuditEntries.AddRange(entries);
                await db.SaveChangesAsync(cancellationToken);
            },
            cancellationToken);
        if (markAfterwards.Count > 0)
        {
            await DirtyDays.MarkEveryDayOfAsync(db, markAfterwards, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return changed;
    }

    private async Task<Func<Task<int>>> RoleAsync(PersonEditor editor, Guid tenantId, IQueryable<Person> selected, PersonRole role, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var toChange = selected.Where(p => p.Role != role);
        foreach (var from in await toChange.Select(p => p.Role).Distinct().ToListAsync(cancellationToken))
        {
            PeopleManagementRules.EnsureMayChangeRole(editor, Guid.Empty, from, role);
        }

        if (await toChange.AnyAsync(p => p.Id == editor.PersonId, cancellationToken))
        {
            PeopleManagementRules.EnsureMayChangeRole(editor, editor.PersonId, editor.Role, role);
        }

        if (role != PersonRole.Owner)
        {
            await EnsureAnOwnerRemainsAsync(toChange, cancellationToken);
        }

        var before = await toChange.Select(p => new { p.DisplayName, p.Role }).ToListAsync(cancellationToken);
        Audit(tenantId, editor, now, "person.role.changed", before.Select(p => (p.DisplayName, (string?)PersonEditors.Words(p.Role), (string?)PersonEditors.Words(role))));
        return () => toChange.ExecuteUpdateAsync(s => s.SetProperty(p => p.Role, role).SetProperty(p => p.UpdatedAt, now), cancellationToken);
    }

    private async Task<Func<Task<int>>> LoginAccessAsync(PersonEditor editor, Guid tenantId, IQueryable<Person> selected, bool loginAccess, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var toChange = selected.Where(p => p.HasLoginAccess != loginAccess);
        if (await toChange.AnyAsync(p => p.Role == PersonRole.Owner, cancellationToken))
        {
            PeopleManagementRules.EnsureMayChangeAccess(editor, PersonRole.Owner);
        }

        if (loginAccess && await toChange.CountAsync(p => p.Status != PersonStatus.Active || p.ProvisioningState == ProvisioningState.Blocked, cancellationToken) is > 0 and var barred)
        {
            throw new DomainRuleViolationException($"{barred} of the selected people are blocked, inactive or gone from the directory and cannot be given login access; leave them out.");
        }

        if (!loginAccess)
        {
            await EnsureAnOwnerRemainsAsync(toChange, cancellationToken);
        }

        var names = await toChange.Select(p => p.DisplayName).ToListAsync(cancellationToken);
        Audit(tenantId, editor, now, "person.login.changed", names.Select(n => (n, (string?)Access(!loginAccess), (string?)Access(loginAccess))));
        return () => toChange.ExecuteUpdateAsync(s => s.SetProperty(p => p.HasLoginAccess, loginAccess).SetProperty(p => p.UpdatedAt, now), cancellationToken);
    }

    private async Task<Func<Task<int>>> TeamAsync(PersonEditor editor, Guid tenantId, IQueryable<Person> selected, string? team, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var toChange = selected.Where(p => p.TeamOverride != team);
        var before = await toChange.Select(p => new { p.DisplayName, p.Department, p.DirectoryDepartment }).ToListAsync(cancellationToken);
        Audit(tenantId, editor, now, "person.team.changed", before.Select(p => (p.DisplayName, p.Department, team ?? p.DirectoryDepartment)).Where(p => p.Item2 != p.Item3));
        return () => toChange.ExecuteUpdateAsync(
            s => s.SetProperty(p => p.TeamOverride, team).SetProperty(p => p.Department, Person.DepartmentWith(team)).SetProperty(p => p.UpdatedAt, now),
            cancellationToken);
    }

    private async Task<Func<Task<int>>> ManagerAsync(PersonEditor editor, Guid tenantId, IQueryable<Person> selected, string? email, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var manager = await PersonEditors.ManagerExternalIdAsync(db, email, cancellationToken);
        if (manager is not null && await selected.AnyAsync(p => p.ExternalId == manager, cancellationToken))
        {
            throw new DomainRuleViolationException("A person cannot be their own manager: leave the new manager out of the selection.");
        }

        var toChange = selected.Where(p => p.ManagerOverrideExternalId != manager);
        var people = db.People.AsNoTracking();
        var before = await toChange.Select(p => new
        {
            p.DisplayName,
            Before = people.Where(m => m.ExternalId == p.ManagerExternalId).Select(m => m.DisplayName).FirstOrDefault(),
            After = people.Where(m => m.ExternalId == (manager ?? p.DirectoryManagerExternalId)).Select(m => m.DisplayName).FirstOrDefault(),
        }).ToListAsync(cancellationToken);
        Audit(tenantId, editor, now, "person.manager.changed", before.Select(p => (p.DisplayName, p.Before, p.After)).Where(p => p.Before != p.After));
        return () => toChange.ExecuteUpdateAsync(
            s => s.SetProperty(p => p.ManagerOverrideExternalId, manager).SetProperty(p => p.ManagerExternalId, Person.ManagerWith(manager)).SetProperty(p => p.UpdatedAt, now),
            cancellationToken);
    }

    /// <summary>Puts the selection on a workspace schedule (the Schedule tab's model); their days are marked after the change.</summary>
    private async Task<Func<Task<int>>> ScheduleAsync(PersonEditor editor, Guid tenantId, IQueryable<Person> selected, Guid? scheduleId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var names = await db.NamedSchedules.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        if (scheduleId is { } id && !names.ContainsKey(id))
        {
            throw new NotFoundException("Schedule");
        }

        string Name(Guid? schedule) => schedule is { } known ? $"schedule \u201c{names[known]}\u201d" : "default hours";
        var settings = db.PersonScheduleSettings.Where(s => selected.Any(p => p.Id == s.PersonId));
        var toUpdate = settings.Where(s => s.NamedScheduleId != scheduleId);
        var updated = await toUpdate.Join(db.People, s => s.PersonId, p => p.Id, (s, p) => new { p.Id, p.DisplayName, s.NamedScheduleId }).ToListAsync(cancellationToken);
        var created = scheduleId is null
            ? []
            : (await selected.Where(p => !db.PersonScheduleSettings.Any(s => s.PersonId == p.Id)).Select(p => new { p.Id, p.DisplayName }).ToListAsync(cancellationToken))
                .Select(p => (p.Id, p.DisplayName)).ToList();
        Audit(tenantId, editor, now, "schedule.person.changed", updated.Select(p => (p.DisplayName, (string?)Name(p.NamedScheduleId), (string?)Name(scheduleId)))
            .Concat(created.Select(p => (p.DisplayName, (string?)Name(null), (string?)Name(scheduleId)))));
        return async () =>
        {
            var count = await toUpdate.ExecuteUpdateAsync(s => s.SetProperty(x => x.NamedScheduleId, scheduleId).SetProperty(x => x.ChangedAt, now), cancellationToken);
            foreach (var person in created)
            {
                var own = PersonScheduleSettings.For(tenantId, person.Id);
                own.Change(scheduleId, null, null, null, now);
                db.PersonScheduleSettings.Add(own);
            }

            markAfterwards = [.. updated.Select(p => p.Id), .. created.Select(p => p.Id)];
            return count + created.Count;
        };
    }

    private async Task EnsureAnOwnerRemainsAsync(IQueryable<Person> losing, CancellationToken cancellationToken)
    {
        var losingOwners = await losing.Where(Person.IsActiveOwner).CountAsync(cancellationToken);
        if (losingOwners > 0)
        {
            PeopleManagementRules.EnsureAnOwnerRemains(await db.People.Where(Person.IsActiveOwner).CountAsync(cancellationToken) - losingOwners);
        }
    }

    private void Audit(Guid tenantId, PersonEditor editor, DateTimeOffset now, string action, IEnumerable<(string Subject, string? Before, string? After)> changes) =>
        entries.AddRange(changes.Select(c => AuditEntry.Record(tenantId, currentUser.AsAuditActor(), now, action, c.Subject, c.Before, c.After)));

    private static string Access(bool loginAccess) => loginAccess ? "login access" : "no login access";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
