using WorkSights.Application.Ingestion.Feeds.CallRecords;

namespace WorkSights.Application.Common.Interfaces;

/// <summary>Reads an organisation's Teams call records, with each record's sessions.</summary>
public interface ICallRecordReader
{
    /// <summary>Records of calls that started in [<paramref name="from"/>, <paramref name="to"/>), page by page (a page may be empty).</summary>
    /// <param name="changedAfter">Records last modified at or before this instant were read before and are left out; null reads all.</param>
    /// <exception cref="Exceptions.ProviderThrottledException">The provider asked us to wait longer than the retries allow.</exception>
    /// <exception cref="Exceptions.ConsentRevokedException">The organisation no longer grants access.</exception>
    IAsyncEnumerable<IReadOnlyList<TeamsCall>> ReadCallsAsync(string externalTenantId, DateTimeOffset from, DateTimeOffset to, DateTimeOffset? changedAfter, CancellationToken cancellationToken);
}
