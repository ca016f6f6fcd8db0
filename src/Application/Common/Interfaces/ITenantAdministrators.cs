namespace WorkSights.Application.Common.Interfaces;

/// <summary>Reads, with WorkSights' own app-only access, whether a person administers their organisation.</summary>
public interface ITenantAdministrators
{
    /// <summary>
    /// Whether the person holds a directory role that can grant tenant-wide consent to the application permissions
    /// WorkSights needs. False for someone the directory does not know.
    /// </summary>
    /// <exception cref="Exceptions.ConsentRevokedException">The organisation no longer grants access.</exception>
    /// <exception cref="Exceptions.ProviderUnavailableException">The provider could not be asked.</exception>
    Task<bool> CanGrantTenantWideConsentAsync(string externalTenantId, string objectId, CancellationToken cancellationToken);
}
