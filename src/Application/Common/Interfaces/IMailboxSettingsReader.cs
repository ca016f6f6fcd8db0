namespace WorkSights.Application.Common.Interfaces;

/// <summary>Reads what one person's mailbox settings say about their working time.</summary>
public interface IMailboxSettingsReader
{
    /// <summary>The mailbox's time zone and working hours, zone names as the provider gives them (Windows or IANA).</summary>
    /// <exception cref="Exceptions.PermissionNotGrantedException">The organisation has not granted the permission.</exception>
    /// <exception cref="Exceptions.SourceNotFoundException">The person has no mailbox.</exception>
    /// <exception cref="Exceptions.ProviderThrottledException">The provider asked us to wait longer than the retries allow.</exception>
    /// <exception cref="Exceptions.ProviderUnavailableException">The provider could not be read.</exception>
    Task<MailboxSettingsSnapshot> ReadAsync(string externalTenantId, string mailbox, CancellationToken cancellationToken);

    /// <summary>
    /// What the mailbox is for — a person's, shared, a room, equipment — read from its settings alone, never from its mail
    /// or calendar. The directory import asks it of every identity it has not taken in yet.
    /// </summary>
    /// <exception cref="Exceptions.PermissionNotGrantedException">The organisation has not granted the permission.</exception>
    /// <exception cref="Exceptions.SourceNotFoundException">The identity has no mailbox.</exception>
    /// <exception cref="Exceptions.ProviderThrottledException">The provider asked us to wait longer than the retries allow.</exception>
    /// <exception cref="Exceptions.ProviderUnavailableException">The provider could not be read.</exception>
    Task<Domain.People.MailboxPurpose> ReadPurposeAsync(string externalTenantId, string mailbox, CancellationToken cancellationToken);
}

/// <param name="TimeZone">The mailbox's time zone, a Windows or an IANA name.</param>
/// <param name="Locale">The mailbox's language and region ("en-CA"), which tells which of a Windows zone's IANA zones is meant.</param>
/// <param name="WorkDays">Outlook's day names, lowercase ("monday").</param>
/// <param name="WorkingHoursTimeZone">The zone the working hours are in, a Windows or an IANA name.</param>
/// <param name="Purpose">What the mailbox is for (<c>userPurpose</c>), which comes with the same read.</param>
public sealed record MailboxSettingsSnapshot(
    string? TimeZone,
    string? Locale,
    IReadOnlyList<string> WorkDays,
    TimeOnly? Start,
    TimeOnly? End,
    string? WorkingHoursTimeZone,
    Domain.People.MailboxPurpose Purpose = Domain.People.MailboxPurpose.Unknown);
