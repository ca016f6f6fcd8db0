using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Audit;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Audit;
using WorkSights.Domain.Common;
using WorkSights.Domain.People;

namespace WorkSights.Application.Directory.DecideConvertedMailbox;

/// <summary>Applies the choice (the domain says what each means) and audits it; stopping follows the rules of deactivating someone.</summary>
public sealed class DecideConvertedMailboxCommandHandler(IApplicationDbContext db, ITenantContext tenant, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<DecideConvertedMailboxCommand>
{
    public async ValueTask<Unit> Handle(DecideConvertedMailboxCommand command, CancellationToken cancellationToken)
    {
        var editor = PersonEditors.Current(currentUser);
        var tenantId = tenant.TenantId ?? throw new NotFoundException("Workspace");
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == command.PersonId, cancellationToken) ?? throw new NotFoundException("Person");
        if (!command.KeepReporting)
        {
            if (person.Id == editor.PersonId)
            {
                throw new DomainRuleViolationException("You cannot stop reporting your own identity.");
            }

            if (person.IsOwnerWithAccess)
            {
                PeopleManagementRules.EnsureMayChangeAccess(editor, PersonRole.Owner);
                PeopleManagementRules.EnsureAnOwnerRemains(await db.People.Where(Person.IsActiveOwner).CountAsync(p => p.Id != person.Id, cancellationToken));
            }
        }

        var became = ConvertedMailboxes.Words(person.MailboxConvertedTo);
        var on = person.MailboxConvertedAt?.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
        var now = clock.GetUtcNow();
        person.DecideOnConvertedMailbox(command.KeepReporting, now);
        db.AuditEntries.Add(AuditEntry.Record(
            tenantId,
            currentUser.AsAuditActor(),
            now,
            "person.mailbox-conversion.decided",
            person.DisplayName,
            $"Became {became} on {on}",
            command.KeepReporting ? "Still reported" : "Deactivated: no longer read nor reported, history kept"));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
