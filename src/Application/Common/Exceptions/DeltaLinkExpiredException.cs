namespace WorkSights.Application.Common.Exceptions;

/// <summary>The provider no longer knows a delta link; a full resync is needed.</summary>
public sealed class DeltaLinkExpiredException(string reason, Exception? inner = null) : Exception(reason, inner);
