namespace WorkSights.Sandbox;

/// <summary>One-shot faults applied to the next issued id_token.</summary>
public enum SandboxIdTokenFault
{
    None = 0,
    WrongIssuer,
    WrongAudience,
    WrongNonce,
    AlgNone,
    BadSignature,
    Expired,
    IssuerTenantMismatch,
}

/// <summary>Fault switches (thread-safe). Each server has its own instance.</summary>
public sealed class SandboxFaults
{
    private int nextIdToken;
    private int throttleRemaining;
    private int throttleRetryAfter;
    private int deltaEpoch;

    /// <summary>Fault applied to the next id_token only; reset to <see cref="SandboxIdTokenFault.None"/> once used.</summary>
    public SandboxIdTokenFault NextIdToken
    {
        get => (SandboxIdTokenFault)Volatile.Read(ref nextIdToken);
        set => Interlocked.Exchange(ref nextIdToken, (int)value);
    }

    /// <summary>Number of Graph requests that will still be answered with 429.</summary>
    public int ThrottledRequestsRemaining => Volatile.Read(ref throttleRemaining);

    /// <summary>Every delta token or delta skip token issued so far becomes expired (syncStateNotFound).</summary>
    public void ExpireAllDeltaTokens() => Interlocked.Increment(ref deltaEpoch);

    /// <summary>The next <paramref name="requests"/> Graph requests answer 429 TooManyRequests with <c>Retry-After</c>.</summary>
    public void Throttle(int requests, int retryAfterSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(requests);
        ArgumentOutOfRangeException.ThrowIfNegative(retryAfterSeconds);
        Interlocked.Exchange(ref throttleRetryAfter, retryAfterSeconds);
        Interlocked.Exchange(ref throttleRemaining, requests);
    }

    /// <summary>Clears the id_token fault and the throttle (expired delta tokens stay expired).</summary>
    public void Reset()
    {
        NextIdToken = SandboxIdTokenFault.None;
        Interlocked.Exchange(ref throttleRemaining, 0);
    }

    internal int DeltaEpoch => Volatile.Read(ref deltaEpoch);

    internal SandboxIdTokenFault TakeIdTokenFault() => (SandboxIdTokenFault)Interlocked.Exchange(ref nextIdToken, 0);

    internal bool TryTakeThrottle(out int retryAfterSeconds)
    {
        retryAfterSeconds = Volatile.Read(ref throttleRetryAfter);
        while (true)
        {
            var current = Volatile.Read(ref throttleRemaining);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref throttleRemaining, current - 1, current) == current)
            {
                return true;
            }
        }
    }
}
