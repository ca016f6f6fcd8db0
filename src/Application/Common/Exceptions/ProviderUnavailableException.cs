namespace WorkSights.Application.Common.Exceptions;

/// <summary>The provider failed in a way that may pass: throttling beyond the retries, outages, malformed answers.</summary>
public class ProviderUnavailableException(string reason, Exception? inner = null) : Exception(reason, inner);
