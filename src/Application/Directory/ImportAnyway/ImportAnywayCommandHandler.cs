using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Audit;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Audit;
using WorkSights.Domain.People;

namespace WorkSights.Application.Directory.ImportAnyway;

/// <summary>
/// The identity leaves the Not imported list and becomes a person in New, as a member of the directory would: its name
/// and address now, its team, position and manager with the next sync. A person of that directory id kept from before
/// (someone who became a guest) is taken back instead of a second one made. Audited with the reason it had.
/// </summary>
public sealed class ImportAnywayCommandHandler(IApplicationDbContext db, ITenantContext tenant, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ImportAnywayCommand, Guid>
{
    public async ValueTask<Guid> Handle(ImportAnywayCommand command, CancellationToken cancellationToken)
    {
        var tenantId = tenant.TenantId ?? throw new NotFoundException("Workspace");
        var identity = await db.NotImportedIdentities.SingleOrDefaultAsync(i => i.Id == command.IdentityId, cancellationToken)
            ?? throw new NotFoundException("Identity");
        var now = clock.GetUtcNow();
        var person = await db.People.SingleOrDefaultAsync(p => p.ExternalId == identity.ExternalId, cancellationToken);
        if (person is null)
        {
            person = Person.Import(tenantId, identity.ExternalId, new DirectoryProfile(identity.Email, identity.DisplayName, null, null, null), ProvisioningState.New, now);
            db.People.Add(person);
        }

        person.ImportAnyway(identity.Reason, now);
        db.NotImportedIdentities.Remove(identity);
        db.AuditEntries.Add(AuditEntry.Record(
            tenantId,
            currentUser.AsAuditActor(),
            now,
            "person.imported-anyway",
            identity.DisplayName,
            $"Not imported: {ConvertedMailboxes.Words(identity.Reason)} ({identity.Email})",
            $"Imported anyway as {(person.ProvisioningState == ProvisioningState.New ? "New" : person.ProvisioningState.ToString())}"));
        await db.SaveChangesAsync(cancellationToken);
        return person.Id;
    }
}
