using WorkSights.Application.Ingestion;

namespace WorkSights.Application.Common.Interfaces;

/// <summary>Reads the metadata of one person's mailbox from the provider, page by page.</summary>
public interface IMailboxReader
{
    /// <summary>Sent items since <paramref name="since"/> when <paramref name="resumeLink"/> is null, else from that link.</summary>
    /// <exception cref="Exceptions.DeltaLinkExpiredException">The provider forgot the link.</exception>
    /// <exception cref="Exceptions.ProviderThrottledException">The provider asked us to wait longer than the retries allow.</exception>
    /// <exception cref="Exceptions.ConsentRevokedException">The organisation no longer grants access.</exception>
    IAsyncEnumerable<SourcePage<SentMail>> ReadSentMailAsync(string externalTenantId, string mailbox, string? resumeLink, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Calendar entries between <paramref name="from"/> and <paramref name="to"/>, or from <paramref name="resumeLink"/>.</summary>
    IAsyncEnumerable<SourcePage<CalendarEntry>> ReadCalendarAsync(string externalTenantId, string mailbox, string? resumeLink, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
