namespace WorkSights.Application.Common.Exceptions;

/// <summary>The provider kept answering "too many requests" beyond the retries; nothing may be sent before the wait is over.</summary>
public sealed class ProviderThrottledException(TimeSpan retryAfter, Exception? inner = null)
    : ProviderUnavailableException($"Microsoft 365 asked WorkSights to wait {Math.Ceiling(retryAfter.TotalSeconds)} s.", inner)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
