using WorkSights.Application.Ingestion.Feeds.SignIns;

namespace WorkSights.Application.Common.Interfaces;

/// <summary>Reads an organisation's sign-in log.</summary>
public interface ISignInReader
{
    /// <summary>Sign-ins created in [<paramref name="from"/>, <paramref name="to"/>), page by page (a page may be empty).</summary>
    /// <exception cref="Exceptions.EntraPremiumRequiredException">The organisation has no Microsoft Entra ID P1 or P2.</exception>
    /// <exception cref="Exceptions.ProviderThrottledException">The provider asked us to wait longer than the retries allow.</exception>
    /// <exception cref="Exceptions.ConsentRevokedException">The organisation no longer grants access.</exception>
    IAsyncEnumerable<IReadOnlyList<SignInEvent>> ReadSignInsAsync(string externalTenantId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
