using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Audit;
using WorkSights.Domain.People;

namespace WorkSights.Application.Directory;

/// <summary>
/// What the syncs do when a person's mailbox turns out to be shared, a room or equipment now (Graph's
/// <c>mailboxSettings.userPurpose</c>): the person is flagged for the User Provisioning review, and the finding is audited.
/// </summary>
internal static class ConvertedMailboxes
{
    /// <summary>Notes the purpose read; true when the person was just flagged as converted.</summary>
    public static bool Note(IApplicationDbContext db, Person person, MailboxPurpose purpose, DateTimeOffset now)
    {
        var before = person.MailboxConvertedTo;
        if (!person.NoteMailboxPurpose(purpose, now))
        {
            return false;
        }

        db.AuditEntries.Add(AuditEntry.Record(
            person.TenantId, AuditActor.WorkSights, now, "person.mailbox.converted", person.DisplayName, Words(before), Words(person.MailboxConvertedTo)));
        return person.MailboxConvertedTo is not null;
    }

    /// <summary>How the audit log and the review name what a mailbox is (null: a person's own).</summary>
    public static string Words(NotImportedReason? reason) => reason switch
    {
        null => "a person's mailbox",
        NotImportedReason.Guest => "a guest account",
        NotImportedReason.SharedMailbox => "a shared mailbox",
        NotImportedReason.Room => "a meeting room's mailbox",
        _ => "an equipment mailbox",
    };
}
