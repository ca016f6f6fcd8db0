namespace WorkSights.Application.Common.Exceptions;

/// <summary>
/// The provider refused one kind of read because the organisation has not granted the permission it needs (typically a
/// permission WorkSights started asking for after the organisation consented). Consent as a whole stands.
/// </summary>
public sealed class PermissionNotGrantedException(string permission, Exception? inner = null)
    : Exception($"The organisation has not granted {permission}.", inner)
{
    public string Permission { get; } = permission;
}
