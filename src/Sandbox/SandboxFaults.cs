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
    private long throttleRetryAfterBits;
    private int batchItemThrottleRemaining;
    private int batchItemThrottleRetryAfter;
    private int deltaEpoch;
    private readonly Lock gate = new();
    private Random random = new(0);
    private int seed;
    private double failureProbability;
    private int failureStatus = 503;
    private long latencyTicks;
    private int malformedRemaining;
    private int oddNextLinkRemaining;
    private int oddNextLinkForm;

    /// <summary>Seed of the random draws behind <see cref="FailureRate"/> and <see cref="MalformedJson"/>; setting it restarts the sequence.</summary>
    public int Seed
    {
        get => Volatile.Read(ref seed);
        set
        {
            lock (gate)
            {
                seed = value;
                random = new Random(value);
            }
        }
    }

    /// <summary>Probability (0–1) that a Graph request fails with <see cref="FailureStatusCode"/>.</summary>
    public double FailureProbability
    {
        get
        {
            lock (gate)
            {
                return failureProbability;
            }
        }
    }

    /// <summary>Status used by <see cref="FailureRate"/> (503 carries <c>Retry-After: 1</c>).</summary>
    public int FailureStatusCode => Volatile.Read(ref failureStatus);

    /// <summary>Delay added to every Graph request (inside the mailbox concurrency slot for mail and calendar).</summary>
    public TimeSpan LatencyDelay => TimeSpan.FromTicks(Interlocked.Read(ref latencyTicks));

    /// <summary>Graph responses that will still be replaced by truncated or invalid JSON (status 200).</summary>
    public int MalformedJsonRemaining => Volatile.Read(ref malformedRemaining);

    /// <summary>Each Graph request fails with <paramref name="statusCode"/> (503 or 504; any 5xx accepted) with this probability, drawn from <see cref="Seed"/>.</summary>
    public void FailureRate(double probability, int statusCode = 503)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(probability, 0d);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(probability, 1d);
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 500);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        lock (gate)
        {
            failureProbability = probability;
            failureStatus = statusCode;
        }
    }

    /// <summary>Adds <paramref name="delay"/> to every Graph request (TimeSpan.Zero turns it off).</summary>
    public void Latency(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        Interlocked.Exchange(ref latencyTicks, delay.Ticks);
    }

    /// <summary>The next <paramref name="count"/> Graph responses are 200 with a truncated or syntactically invalid JSON body.</summary>
    public void MalformedJson(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Interlocked.Exchange(ref malformedRemaining, count);
    }

    /// <summary>Fault applied to the next id_token only; reset to <see cref="SandboxIdTokenFault.None"/> once used.</summary>
    public SandboxIdTokenFault NextIdToken
    {
        get => (SandboxIdTokenFault)Volatile.Read(ref nextIdToken);
        set => Interlocked.Exchange(ref nextIdToken, (int)value);
    }

    /// <summary>Number of Graph requests that will still be answered with 429.</summary>
    public int ThrottledRequestsRemaining => Volatile.Read(ref throttleRemaining);

    /// <summary>Every delta token or delta skip token issued so far becomes expired (syncStateNotFound).</summary>
    public void ExpireAllDeltaTokens()
    {
        Interlocked.Increment(ref deltaEpoch);
        DeltaEpochChanged?.Invoke();
    }

    /// <summary>The next <paramref name="requests"/> Graph and Management Activity API requests answer 429 with
    /// <c>Retry-After</c>; a fractional value is sent as written (<c>2.128</c>), as Graph does.</summary>
    public void Throttle(int requests, double retryAfterSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(requests);
        ArgumentOutOfRangeException.ThrowIfNegative(retryAfterSeconds);
        if (!double.IsFinite(retryAfterSeconds))
        {
            throw new ArgumentOutOfRangeException(nameof(retryAfterSeconds), retryAfterSeconds, "Retry-After must be a finite number of seconds.");
        }

        Interlocked.Exchange(ref throttleRetryAfterBits, BitConverter.DoubleToInt64Bits(retryAfterSeconds));
        Interlocked.Exchange(ref throttleRemaining, requests);
    }

    /// <summary>The next <paramref name="requests"/> Graph requests that arrive as items of a JSON batch answer 429 with
    /// <c>Retry-After</c>, each on its own, as Graph throttles batch items; requests outside a batch are not counted.</summary>
    public void ThrottleBatchItems(int requests, int retryAfterSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(requests);
        ArgumentOutOfRangeException.ThrowIfNegative(retryAfterSeconds);
        Interlocked.Exchange(ref batchItemThrottleRetryAfter, retryAfterSeconds);
        Interlocked.Exchange(ref batchItemThrottleRemaining, requests);
    }

    /// <summary>Call records still to be served with odd <c>sessions@odata.nextLink</c> and <c>participants_v2@odata.nextLink</c>.</summary>
    public int OddCallRecordNextLinksRemaining => Volatile.Read(ref oddNextLinkRemaining);

    /// <summary>
    /// The next <paramref name="records"/> call records read whose sessions or participants_v2 run past their first page carry
    /// those pages' nextLinks in <paramref name="form"/>, which no client can follow.
    /// </summary>
    public void OddCallRecordNextLinks(int records, SandboxOddNextLink form = SandboxOddNextLink.MetadataContext)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(records);
        Interlocked.Exchange(ref oddNextLinkForm, (int)form);
        Interlocked.Exchange(ref oddNextLinkRemaining, records);
    }

    /// <summary>Clears the id_token fault, the throttle, failures, latency, malformed JSON and odd call-record links, and restarts the seeded sequence
    /// (expired delta tokens stay expired).</summary>
    public void Reset()
    {
        NextIdToken = SandboxIdTokenFault.None;
        Interlocked.Exchange(ref throttleRemaining, 0);
        Interlocked.Exchange(ref batchItemThrottleRemaining, 0);
        Interlocked.Exchange(ref latencyTicks, 0);
        Interlocked.Exchange(ref malformedRemaining, 0);
        Interlocked.Exchange(ref oddNextLinkRemaining, 0);
        lock (gate)
        {
            failureProbability = 0;
            failureStatus = 503;
            random = new Random(seed);
        }
    }

    internal bool TryFail(out int statusCode)
    {
        lock (gate)
        {
            statusCode = failureStatus;
            return failureProbability > 0 && random.NextDouble() < failureProbability;
        }
    }

    /// <summary>The form of this record's nextLinks when the fault is still on, else null (the links are as Graph writes them).</summary>
    internal SandboxOddNextLink? TakeOddCallRecordNextLink()
    {
        while (true)
        {
            var current = Volatile.Read(ref oddNextLinkRemaining);
            if (current <= 0)
            {
                return null;
            }

            if (Interlocked.CompareExchange(ref oddNextLinkRemaining, current - 1, current) == current)
            {
                return (SandboxOddNextLink)Volatile.Read(ref oddNextLinkForm);
            }
        }
    }

    internal bool TryTakeMalformed(out int variant)
    {
        variant = 0;
        while (true)
        {
            var current = Volatile.Read(ref malformedRemaining);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref malformedRemaining, current - 1, current) == current)
            {
                lock (gate)
                {
                    variant = random.Next(3);
                }

                return true;
            }
        }
    }

    /// <summary>Tokens carry the epoch they were issued in; a saved epoch is restored at start so that expired tokens stay expired.</summary>
    internal int DeltaEpoch
    {
        get => Volatile.Read(ref deltaEpoch);
        set => Volatile.Write(ref deltaEpoch, value);
    }

    /// <summary>Called after <see cref="ExpireAllDeltaTokens"/> (the state file saves then).</summary>
    internal Action? DeltaEpochChanged { get; set; }

    internal SandboxIdTokenFault TakeIdTokenFault() => (SandboxIdTokenFault)Interlocked.Exchange(ref nextIdToken, 0);

    internal bool TryTakeThrottle(out double retryAfterSeconds)
    {
        retryAfterSeconds = BitConverter.Int64BitsToDouble(Interlocked.Read(ref throttleRetryAfterBits));
        return TryTakeOne(ref throttleRemaining);
    }

    internal bool TryTakeBatchItemThrottle(out double retryAfterSeconds)
    {
        retryAfterSeconds = Volatile.Read(ref batchItemThrottleRetryAfter);
        return TryTakeOne(ref batchItemThrottleRemaining);
    }

    private static bool TryTakeOne(ref int remaining)
    {
        while (true)
        {
            var current = Volatile.Read(ref remaining);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref remaining, current - 1, current) == current)
            {
                return true;
            }
        }
    }
}
