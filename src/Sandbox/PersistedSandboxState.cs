namespace WorkSights.Sandbox;

/// <summary>What the sandbox keeps in its data directory between runs (the contents of <c>sandbox-state.json</c>): what
/// Microsoft would still know after our app restarts. Seed users appear only once a control changed them.</summary>
internal sealed record PersistedSandboxState
{
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;

    /// <summary>The first start: the synthetic mail, calendar, call and sign-in history begins 60 days before its day.</summary>
    public required DateTimeOffset Origin { get; init; }

    /// <summary>HMAC key of every delta, skip and continuation token (base64).</summary>
    public required string TokenKey { get; init; }

    /// <summary>Changes at reset, so that tokens of the previous state answer as expired.</summary>
    public required string TokenGeneration { get; init; }

    /// <summary>How often <see cref="SandboxFaults.ExpireAllDeltaTokens"/> was used: tokens from before it stay expired.</summary>
    public int DeltaEpoch { get; init; }

    public IReadOnlyList<SandboxClientApp> Apps { get; init; } = [];

    public IReadOnlyList<Tenant> Tenants { get; init; } = [];

    public sealed record Tenant
    {
        public required string TenantId { get; init; }

        /// <summary>The directory's change counter that users delta tokens refer to.</summary>
        public long Sequence { get; init; }

        /// <summary>Users added by <see cref="SandboxDirectory.AddUser"/> so far (their ids derive from it).</summary>
        public int AddedCount { get; init; }

        public bool EntraPremium { get; init; } = true;

        public bool AuditLogEnabled { get; init; } = true;

        /// <summary>Users added, changed or removed since the seed.</summary>
        public IReadOnlyList<ChangedUser> Users { get; init; } = [];

        public IReadOnlyList<Consent> Consents { get; init; } = [];

        public IReadOnlyList<AuditSubscription> AuditSubscriptions { get; init; } = [];
    }

    /// <param name="Removed">null (live), "changed" (soft-deleted) or "deleted".</param>
    public sealed record ChangedUser(SandboxUser User, long ChangeSequence, string? Removed);

    /// <param name="Generation">How many service principals the tenant has had for the app (their ids derive from it).</param>
    public sealed record Consent(string ClientId, SandboxConsentState State, string? ServicePrincipalId, IReadOnlyList<string> Roles, int Generation);

    /// <summary>A Management Activity API subscription with every period it was enabled (content exists only for those).</summary>
    public sealed record AuditSubscription(string ContentType, IReadOnlyList<EnabledPeriod> Periods);

    public sealed record EnabledPeriod(DateTimeOffset From, DateTimeOffset? To);
}
