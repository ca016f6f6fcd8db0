namespace WorkSights.Application.Common.Exceptions;

/// <summary>
/// The organisation's directory has no Microsoft Entra ID P1 or P2 licence, which sign-in logs need. Only that feed stops;
/// consent stands and everything else keeps syncing.
/// </summary>
public sealed class EntraPremiumRequiredException(Exception? inner = null)
    : ProviderUnavailableException("Sign-ins need Microsoft Entra ID P1 or P2.", inner);
