namespace WorkSights.Application.Common.Exceptions;

/// <summary>The provider refused the app for this organisation: consent was revoked or the app was removed.</summary>
public sealed class ConsentRevokedException(string reason, Exception? inner = null) : Exception(reason, inner);
