using WorkSights.Application.Common.Exceptions;

namespace WorkSights.Application.Ingestion;

public enum ProviderFailureKind
{
    /// <summary>Microsoft asked WorkSights to wait beyond the retries; nothing of the source is asked before <see cref="ProviderFailure.NotBefore"/>.</summary>
    Throttled = 1,

    /// <summary>The organisation revoked WorkSights' consent or removed the app; the workspace stops reading until it is granted again.</summary>
    ConsentRevoked = 2,

    /// <summary>Microsoft failed in a way that may pass (an outage, a malformed answer); the next run tries again.</summary>
    Unavailable = 3,
}

/// <summary>A failure that every sync reading Microsoft can meet, in the terms the sync records and reports it.</summary>
/// <param name="Problem">Microsoft's reason, as the sync's result gives it.</param>
/// <param name="NotBefore">For <see cref="ProviderFailureKind.Throttled"/>: when the source may be asked again.</param>
public sealed record ProviderFailure(ProviderFailureKind Kind, string Problem, DateTimeOffset? NotBefore = null)
{
    /// <summary>The problem as the connection's status shows it: a revocation says so before Microsoft's reason.</summary>
    public string StatusMessage => Kind == ProviderFailureKind.ConsentRevoked ? $"Consent revoked: {Problem}" : Problem;

    /// <summary>The failure <paramref name="exception"/> stands for, met at <paramref name="now"/>; null for any other exception.</summary>
    public static ProviderFailure? Of(Exception exception, DateTimeOffset now) => exception switch
    {
        ProviderThrottledException throttled => new(ProviderFailureKind.Throttled, throttled.Message, now + throttled.RetryAfter),
        ConsentRevokedException revoked => new(ProviderFailureKind.ConsentRevoked, revoked.Message),
        ProviderUnavailableException unavailable => new(ProviderFailureKind.Unavailable, unavailable.Message),
        _ => null,
    };
}
