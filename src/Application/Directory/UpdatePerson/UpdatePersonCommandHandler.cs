using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Audit;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Audit;
using WorkSights.Domain.People;

namespace WorkSights.Application.Directory.UpdatePerson;

public sealed class UpdatePersonCommandHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<UpdatePersonCommand>
{
    public async ValueTask<Unit> Handle(UpdatePersonCommand command, CancellationToken cancellationToken)
    {
        var editor = PersonEditors.Current(currentUser);
        PeopleManagementRules.EnsureManagesPeople(editor);
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == command.PersonId, cancellationToken) ?? throw new NotFoundException("Person");
        var managerExternalId = await PersonEditors.ManagerExternalIdAsync(db, command.ManagerEmail, cancellationToken);
        var now = clock.GetUtcNow();
        var before = await SnapshotAsync(person, cancellationToken);
        var wasOwnerWithAccess = person.IsOwnerWithAccess;

        PeopleManagementRules.EnsureMayChangeRole(editor, person.Id, person.Role, command.Role);
        var loginAccess = command.IsActive && command.HasLoginAccess;
        if (loginAccess != person.HasLoginAccess || command.IsActive != (person.Status == PersonStatus.Active))
        {
            PeopleManagementRules.EnsureMayChangeAccess(editor, person.Role);
        }

        person.OverrideProfile(command.Position, command.Team, managerExternalId, now);
        person.AssignRole(command.Role);
        if (person.Status != PersonStatus.Removed)
        {
            person.SetActive(command.IsActive, now);
        }

        person.SetLoginAccess(loginAccess);
        if (wasOwnerWithAccess && !person.IsOwnerWithAccess)
        {
            PeopleManagementRules.EnsureAnOwnerRemains(await db.People.Where(Person.IsActiveOwner).CountAsync(p => p.Id != person.Id, cancellationToken));
        }

        var after = await SnapshotAsync(person, cancellationToken);
        foreach (var (what, old, @new) in before.Zip(after, (b, a) => (b.Key, b.Value, a.Value)).Where(c => c.Item2 != c.Item3))
        {
            db.AuditEntries.Add(AuditEntry.Record(person.TenantId, currentUser.AsAuditActor(), now, $"person.{what}.changed", person.DisplayName, old, @new));
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    /// <summary>What the audit log shows of each value a person's page changes, in words.</summary>
    private async Task<KeyValuePair<string, string?>[]> SnapshotAsync(Person person, CancellationToken cancellationToken) =>
    [
        new("position", person.JobTitle),
        new("team", person.Department),
        new("manager", person.ManagerExternalId is null ? null
            : await db.People.AsNoTracking().Where(m => m.ExternalId == person.ManagerExternalId).Select(m => m.DisplayName).FirstOrDefaultAsync(cancellationToken)),
        new("role", PersonEditors.Words(person.Role)),
        new("login", person.HasLoginAccess ? "login access" : "no login access"),
        new("status", PersonEditors.Words(person.Status)),
    ];
}
