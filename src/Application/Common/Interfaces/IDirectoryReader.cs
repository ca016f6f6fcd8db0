using WorkSights.Application.Directory;

namespace WorkSights.Application.Common.Interfaces;

/// <summary>Reads the organisation's directory from its provider.</summary>
public interface IDirectoryReader
{
    /// <summary>
    /// Reads every identity when <paramref name="deltaLink"/> is null, otherwise the changes since it, page by page.
    /// The last page carries the link to continue from next time.
    /// </summary>
    /// <exception cref="Exceptions.ConsentRevokedException">The organisation no longer grants access.</exception>
    /// <exception cref="Exceptions.DeltaLinkExpiredException">The provider forgot the delta link.</exception>
    IAsyncEnumerable<DirectoryPage> ReadAsync(string externalTenantId, string? deltaLink, CancellationToken cancellationToken);
}
