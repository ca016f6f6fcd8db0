using WorkSights.Domain.Activities;

namespace WorkSights.Application.Ingestion.SyncMailbox;

/// <summary>Turns provider items into timeline activities; null means the item is not (or no longer) an activity.</summary>
internal static class SourceActivities
{
    public static ActivityRecord? FromMail(SentMail mail, MailboxOwner owner) =>
        mail.IsDraft
            ? null
            : new ActivityRecord(
                owner.TenantId,
                owner.PersonId,
                ActivityKind.EmailSent,
                ActivitySource.Outlook,
                mail.SentAt.ToUniversalTime(),
                CreditingRules.SentEmail,
                mail.Subject,
                mail.RecipientAddresses.Count,
                CreditingRules.IsExternal(mail.RecipientAddresses, owner.WorkspaceDomains),
                mail.Id)
            {
                SourcePersonId = owner.SourcePersonId,
            };

    public static ActivityRecord? FromCalendar(CalendarEntry entry, MailboxOwner owner)
    {
        if (entry.IsCancelled || string.Equals(entry.OwnResponse, "declined", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var others = entry.Attendees
            .Where(a => !string.Equals(a.Type, "resource", StringComparison.OrdinalIgnoreCase))
            .Where(a => !string.Equals(a.Response, "declined", StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Address)
            .Append(entry.OrganizerAddress ?? string.Empty)
            .Where(address => address.Length > 0 && !owner.IsOwnAddress(address))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var length = entry.End > entry.Start ? entry.End - entry.Start : TimeSpan.Zero;
        return new ActivityRecord(
            owner.TenantId,
            owner.PersonId,
            CreditingRules.KindOfCalendarEntry(others.Count),
            ActivitySource.OutlookCalendar,
            entry.Start.ToUniversalTime(),
            length,
            entry.Subject,
            others.Count,
            CreditingRules.IsExternal(others, owner.WorkspaceDomains),
            entry.Id)
        {
            SourcePersonId = owner.SourcePersonId,
        };
    }
}

/// <summary>Whose mailbox is read, and which domains count as the workspace's own.</summary>
/// <param name="PersonId">Whose items they become: the identity's own person, or the person it is linked into.</param>
internal sealed record MailboxOwner(Guid TenantId, Guid PersonId, string Address, IReadOnlySet<string> WorkspaceDomains)
{
    /// <summary>The linked identity whose mailbox this is, when its items become another person's; null otherwise.</summary>
    public Guid? SourcePersonId { get; init; }

    public bool IsOwnAddress(string address) => string.Equals(address, Address, StringComparison.OrdinalIgnoreCase);
}
